import { randomBytes } from "node:crypto";
import { seedSandboxCatalog, type SeedProduct } from "../catalog/shopify/seed-sandbox-catalog";
import { resolveOrgAccess, type OrgContext } from "../auth/org-access";
import { signUp } from "../auth/sign-up";
import { completeShopifyConnect } from "../connections/complete-shopify-connect";
import { completeTikTokConnect } from "../connections/complete-tiktok-connect";
import { connectTikTokShops } from "../connections/connect-tiktok-shops";
import { startShopifyConnect, startTikTokConnect } from "../connections/start-connect";
import { authorizeTikTokSeller, installShopifyApp, sandboxControl } from "./sandbox-browser";

// Fixtures for integration tests: an organization with stores connected through the real OAuth
// flows against the platform sandbox (lib/testing/platforms-setup.ts). Call setDbClient(testDb) first.

const suffix = () => randomBytes(4).toString("hex");

export async function newOrganization(name = "Acme"): Promise<OrgContext> {
  const { userId, organizationSlug } = await signUp({ email: `owner-${suffix()}@example.test`, password: "river stone lantern 42", organizationName: name });
  return resolveOrgAccess({ slug: organizationSlug, userId });
}

/**
 * A new sandbox Shopify store, connected to the organization. `catalog` is seeded before the store is
 * connected, as a merchant's store already holds its products (Shopify counts them at connect).
 */
export async function connectedShopifyStore(org: OrgContext, options: { currency?: string; plan?: string; catalog?: SeedProduct[] } = {}) {
  const name = `store-${suffix()}`;
  const domain = `${name}.myshopify.com`;
  await sandboxControl("POST", "/__sandbox/shopify/shops", { domain, ...(options.currency ? { currency: options.currency } : {}), ...(options.plan ? { plan: options.plan } : {}) });
  const seeded = options.catalog ? await seedSandboxCatalog({ domain, products: options.catalog }) : [];
  const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
  const { connectionId } = await completeShopifyConnect({ query: (await installShopifyApp(authorizeUrl)).searchParams, userId: org.userId });
  return { connectionId, domain, seeded };
}

/** New sandbox TikTok shops of one seller, connected and paired with the given Shopify connection. */
export async function connectedTikTokShops(
  org: OrgContext,
  options: { shopifyConnectionId: string; sellerType?: "LOCAL" | "CROSS_BORDER"; regions?: string[] },
) {
  const sellerId = `seller-${suffix()}`;
  const regions = options.regions ?? ["US"];
  const shops: { shopId: string; cipher: string; region: string }[] = [];
  for (const region of regions) {
    const shop = await sandboxControl<{ shopId: string; cipher: string }>("POST", "/__sandbox/tiktok/shops", {
      name: `Shop ${region} ${suffix()}`,
      region,
      sellerType: options.sellerType ?? "LOCAL",
      sellerId,
    });
    shops.push({ ...shop, region });
  }
  const { authorizeUrl } = await startTikTokConnect({ org });
  const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
  const { authorizationId } = await completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId });
  const { connected } = await connectTikTokShops({
    org,
    input: { authorizationId, shops: shops.map((s) => ({ shopId: s.shopId, shopifyConnectionId: options.shopifyConnectionId })) },
  });
  return { sellerId, authorizationId, shops: shops.map((s, i) => ({ ...s, connectionId: connected[i]!.id })) };
}
