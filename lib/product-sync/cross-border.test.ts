import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { syncProduct } from "./sync-product";
import { cacheAndMap, createShopifyProducts, enableAutoSync, pairedSandboxStores, sandboxProduct, sandboxWrites, type KitProduct } from "./sync-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const GLOBAL_EDIT = "POST /product/202509/global_products/{global_product_id}/partial_edit";
const PRICE = "POST /product/202309/products/{product_id}/prices/update";

const jacket: KitProduct = { title: "Waxed Field Jacket", description: "<p>Waxed cotton, corduroy collar</p>", variants: [{ sku: "JKT-M", price: "100.00", quantity: 5 }, { sku: "JKT-L", price: "100.00", quantity: 5 }] };

/** A cross-border seller with shops in GB and DE, one global product published to both, mapped in both. */
async function setup() {
  const { org, shopify, tiktok } = await pairedSandboxStores({ sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
  const [uk, de] = tiktok.shops;
  const [shopifyProduct] = await createShopifyProducts({ domain: shopify.domain, products: [jacket] });
  const { globalProducts } = await sandboxControl<{ globalProducts: { id: string; localProducts: { shopId: string; productId: string; skus: { id: string; sellerSku: string }[] }[] }[] }>("POST", "/__sandbox/tiktok/global-products", {
    products: [{ title: "Field Jacket (global)", description: "<p>Old copy</p>", skus: jacket.variants.map((v) => ({ sellerSku: v.sku, price: "90.00", quantity: v.quantity })) }],
    publishTo: [uk!.shopId, de!.shopId],
  });
  const global = globalProducts[0]!;
  const local = (shopId: string) => global.localProducts.find((l) => l.shopId === shopId)!;
  const products: Record<string, { tiktokProductId: string; externalId: string }> = {};
  for (const shop of [uk!, de!]) {
    const l = local(shop.shopId);
    const [cached] = await cacheAndMap({
      organizationId: org.organizationId,
      shopifyConnectionId: shopify.connectionId,
      tiktokConnectionId: shop.connectionId,
      rows: [{ kit: { ...jacket, tiktok: { title: "Field Jacket (global)" } }, shopify: shopifyProduct!, tiktok: { id: l.productId, skus: l.skus } }],
      globalProductId: () => global.id,
    });
    products[shop.region] = cached!;
  }
  return { org, uk: uk!, de: de!, global, products };
}

describe("cross-border product sync", () => {
  it("overrides the global product once, then writes each market's local price with that shop's cipher", async () => {
    const { org, uk, de, global, products } = await setup();
    await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: uk.connectionId, settings: { overwriteGlobalProducts: true, price: { exchangeRate: "0.8" } } });
    await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: de.connectionId, settings: { overwriteGlobalProducts: true, price: { exchangeRate: "0.9", roundingEndings: [{ currency: "EUR", ending: "0.99" }] } } });

    const first = await syncProduct({ organizationId: org.organizationId, tiktokProductId: products.GB!.tiktokProductId, reason: "sync-now" });
    expect(first).toMatchObject({ status: "SYNCED", siblings: [products.DE!.tiktokProductId] });
    // The sibling market is synced again (the job sends it): its local price follows its own rules.
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: products.DE!.tiktokProductId, reason: "global-edit" });

    const g = await sandboxControl<{ title: string; description: string; history: { endpoint: string; fields: string[] }[] }>("GET", `/__sandbox/tiktok/global-products/${global.id}`);
    expect(g.history.map((h) => h.endpoint)).toEqual([GLOBAL_EDIT]);
    expect(g.history[0]!.fields.sort()).toEqual(["description", "title"]);
    expect({ title: g.title, description: g.description }).toEqual({ title: jacket.title, description: jacket.description });

    const ukListing = await sandboxProduct(uk.shopId, products.GB!.externalId);
    const deListing = await sandboxProduct(de.shopId, products.DE!.externalId);
    expect(ukListing.skus.map((s) => s.price.sale_price)).toEqual(["80.00", "80.00"]);
    expect(deListing.skus.map((s) => s.price.sale_price)).toEqual(["90.99", "90.99"]);
    expect(await sandboxWrites(uk.shopId, products.GB!.externalId)).toEqual([GLOBAL_EDIT, PRICE]);
    expect(await sandboxWrites(de.shopId, products.DE!.externalId)).toEqual([GLOBAL_EDIT, PRICE]);

    // Nothing changed since: nothing is written anywhere.
    for (const [region, shop] of [["GB", uk], ["DE", de]] as const) {
      expect(await syncProduct({ organizationId: org.organizationId, tiktokProductId: products[region]!.tiktokProductId, reason: "reconcile" })).toMatchObject({ status: "SYNCED", writes: [] });
      expect(await sandboxWrites(shop.shopId, products[region]!.externalId)).toHaveLength(2);
    }
    expect((await sandboxControl<{ history: unknown[] }>("GET", `/__sandbox/tiktok/global-products/${global.id}`)).history).toHaveLength(1);
    expect(await testDb.productSnapshot.findUniqueOrThrow({ where: { tiktokProductId: products.GB!.tiktokProductId } })).toMatchObject({ globalProductId: global.id, globalContent: expect.objectContaining({ title: "Field Jacket (global)" }) });
  });

  it("without the explicit cross-border confirmation the global product is left alone; local prices still follow", async () => {
    const { org, uk, global, products } = await setup();
    await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: uk.connectionId, settings: { price: { exchangeRate: "0.8" } } });
    const outcome = await syncProduct({ organizationId: org.organizationId, tiktokProductId: products.GB!.tiktokProductId, reason: "sync-now" });
    expect(outcome.status).toBe("PARTIAL");
    expect((await sandboxControl<{ history: unknown[] }>("GET", `/__sandbox/tiktok/global-products/${global.id}`)).history).toEqual([]);
    expect(await sandboxWrites(uk.shopId, products.GB!.externalId)).toEqual([PRICE]);
    expect((await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: products.GB!.tiktokProductId } })).lastError).toMatch(/confirm the cross-border overwrite/);
  });
});
