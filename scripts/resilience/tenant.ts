// One organization with a Shopify store and a TikTok shop connected through the real OAuth flows (in this
// process, through lib/, against the app's database), their catalogs imported by the app's own jobs, and
// every TikTok SKU mapped to the Shopify variant with its SKU.
import type { OrgContext } from "../../lib/auth/org-access";
import type { Harness } from "./harness";

export interface Tenant {
  organizationId: string;
  shopifyDomain: string;
  shopifyConnectionId: string;
  tiktokShopId: string;
  tiktokConnectionId: string;
  skus: string[];
}

export async function setUpTenant(h: Harness, options: { products: number }): Promise<Tenant> {
  const { newOrganization } = await import("../../lib/testing/connected-stores");
  const { startShopifyConnect } = await import("../../lib/connections/start-connect");
  const { completeShopifyConnect } = await import("../../lib/connections/complete-shopify-connect");
  const { installShopifyApp } = await import("../../lib/testing/sandbox-browser");
  const { db } = await import("../../lib/db");
  const org = await newOrganization("Resilience");
  const skus = Array.from({ length: options.products }, (_, i) => `RES-${i}`);
  const name = `resilience-${Date.now()}`;
  const domain = `${name}.myshopify.com`;
  await h.sandbox("POST", "/__sandbox/shopify/shops", { domain });
  await h.sandbox("POST", `/__sandbox/shopify/shops/${domain}/products`, {
    products: skus.map((sku) => ({ title: `Product ${sku}`, descriptionHtml: "", variants: [{ sku, price: "12.50", inventoryQuantity: 99_999 }] })),
  });
  const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
  const { connectionId } = await completeShopifyConnect({ query: (await installShopifyApp(authorizeUrl)).searchParams, userId: org.userId });
  const shopify = { connectionId, domain };
  // The TikTok products exist before the shop connects: the import after connecting brings them in.
  const seller = await connectShopWithProducts(h, { org, shopifyConnectionId: shopify.connectionId, skus });
  const shop = seller.shops[0]!;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const [tiktok, variants] = await Promise.all([
      db().tikTokSku.count({ where: { connectionId: shop.connectionId } }),
      db().shopifyVariant.count({ where: { connectionId: shopify.connectionId } }),
    ]);
    if (tiktok === skus.length && variants === skus.length) break;
    if (Date.now() > deadline) throw new Error(`catalog import incomplete: ${tiktok} TikTok SKUs, ${variants} Shopify variants of ${skus.length}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const [tiktokSkus, variants] = await Promise.all([
    db().tikTokSku.findMany({ where: { connectionId: shop.connectionId }, select: { id: true, sellerSku: true } }),
    db().shopifyVariant.findMany({ where: { connectionId: shopify.connectionId }, select: { id: true, sku: true } }),
  ]);
  const bySku = new Map(variants.map((v) => [v.sku, v.id]));
  await db().mapping.createMany({
    data: tiktokSkus.map((s) => ({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, shopifyConnectionId: shopify.connectionId, tiktokSkuId: s.id, shopifyVariantId: bySku.get(s.sellerSku)!, rule: "EXACT_SKU" as const })),
  });
  return { organizationId: org.organizationId, shopifyDomain: shopify.domain, shopifyConnectionId: shopify.connectionId, tiktokShopId: shop.shopId, tiktokConnectionId: shop.connectionId, skus };
}

/** A sandbox TikTok shop with the products already in it, then connected and paired (as connectedTikTokShops does). */
async function connectShopWithProducts(h: Harness, options: { org: OrgContext; shopifyConnectionId: string; skus: string[] }) {
  const { startTikTokConnect } = await import("../../lib/connections/start-connect");
  const { completeTikTokConnect } = await import("../../lib/connections/complete-tiktok-connect");
  const { connectTikTokShops } = await import("../../lib/connections/connect-tiktok-shops");
  const { authorizeTikTokSeller } = await import("../../lib/testing/sandbox-browser");
  const sellerId = `seller-resilience-${Date.now()}`;
  const shop = await h.sandbox<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", { name: "Resilience US", region: "US", sellerType: "LOCAL", sellerId });
  await h.sandbox("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
    products: options.skus.map((sku) => ({ title: `Product ${sku}`, description: "", skus: [{ sellerSku: sku, price: "12.50", quantity: 99_999 }] })),
  });
  const { authorizeUrl } = await startTikTokConnect({ org: options.org });
  const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
  const { authorizationId } = await completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: options.org.userId });
  const { connected } = await connectTikTokShops({ org: options.org, input: { authorizationId, shops: [{ shopId: shop.shopId, shopifyConnectionId: options.shopifyConnectionId }] } });
  return { shops: [{ shopId: shop.shopId, connectionId: connected[0]!.id }] };
}
