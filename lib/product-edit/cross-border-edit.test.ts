// The product editor on a cross-border product: this market's local product only, or the global product (every
// market) once the member confirmed the overwrite.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
// First: the settings registry and the product sync section import each other; this order loads the registry first.
import { pushEditSchema, pushProductEdit, type PushEditInput } from "./push-product-edit";
import { setDbClient } from "../db";
import { cacheAndMap, createShopifyProducts, enableAutoSync, pairedSandboxStores, sandboxProduct, sandboxWrites, type KitProduct } from "../product-sync/sync-test-kit";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const GLOBAL_EDIT = "POST /product/202509/global_products/{global_product_id}/partial_edit";
const PARTIAL_EDIT = "POST /product/202509/products/{product_id}/partial_edit";
const jacket: KitProduct = { title: "Waxed Field Jacket", description: "<p>Waxed cotton</p>", variants: [{ sku: "CBE-M", price: "100.00", quantity: 5 }] };

async function setup() {
  const { org, shopify, tiktok } = await pairedSandboxStores({ sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
  const [uk, de] = tiktok.shops;
  const [shopifyProduct] = await createShopifyProducts({ domain: shopify.domain, products: [jacket] });
  const { globalProducts } = await sandboxControl<{ globalProducts: { id: string; localProducts: { shopId: string; productId: string; skus: { id: string; sellerSku: string }[] }[] }[] }>("POST", "/__sandbox/tiktok/global-products", {
    products: [{ title: "Field Jacket (global)", description: "<p>Old copy</p>", skus: jacket.variants.map((v) => ({ sellerSku: v.sku, price: "90.00", quantity: v.quantity })) }],
    publishTo: [uk!.shopId, de!.shopId],
  });
  const global = globalProducts[0]!;
  const products: Record<string, { tiktokProductId: string; externalId: string }> = {};
  for (const shop of [uk!, de!]) {
    const l = global.localProducts.find((x) => x.shopId === shop.shopId)!;
    const [cached] = await cacheAndMap({
      organizationId: org.organizationId, shopifyConnectionId: shopify.connectionId, tiktokConnectionId: shop.connectionId,
      rows: [{ kit: { ...jacket, tiktok: { title: "Field Jacket (global)" } }, shopify: shopifyProduct!, tiktok: { id: l.productId, skus: l.skus } }],
      globalProductId: () => global.id,
    });
    products[shop.region] = cached!;
    await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, settings: { price: { exchangeRate: "0.8" } } });
  }
  const globalHistory = async () => (await sandboxControl<{ title: string; history: { endpoint: string }[] }>("GET", `/__sandbox/tiktok/global-products/${global.id}`));
  return { org, uk: uk!, de: de!, products, globalHistory };
}

const edit = (org: Awaited<ReturnType<typeof setup>>["org"], tiktokProductId: string, input: Record<string, unknown>) => pushProductEdit({ org, tiktokProductId, input: pushEditSchema.parse(input) as PushEditInput });

describe("cross-border product editor", () => {
  it("this market's product only: the local product is edited, the global product and the other market are not", async () => {
    const { org, uk, de, products, globalHistory } = await setup();
    const result = await edit(org, products.GB!.tiktokProductId, { overrides: { title: "Field Jacket UK" }, target: "local" });
    expect(result.preview).toMatchObject({ crossBorder: true, target: "local", changes: [{ field: "title", current: "Field Jacket (global)", next: "Field Jacket UK" }] });
    expect(await sandboxWrites(uk.shopId, products.GB!.externalId)).toEqual([PARTIAL_EDIT]);
    expect((await sandboxProduct(uk.shopId, products.GB!.externalId)).underReview!.version.title).toBe("Field Jacket UK");
    expect((await globalHistory()).history).toEqual([]);
    expect(await sandboxWrites(de.shopId, products.DE!.externalId)).toEqual([]);
    expect(await testDb.productOverride.findFirstOrThrow()).toMatchObject({ field: "title", scope: "local" });
  });

  it("the global product: refused until the overwrite is confirmed, then written once for every market", async () => {
    const { org, uk, products, globalHistory } = await setup();
    const preview = await edit(org, products.GB!.tiktokProductId, { overrides: { title: "Field Jacket Worldwide" }, target: "global", dryRun: true });
    expect(preview.preview.changes).toEqual([{ field: "title", current: "Field Jacket (global)", next: "Field Jacket Worldwide" }]);
    await expect(edit(org, products.GB!.tiktokProductId, { overrides: { title: "Field Jacket Worldwide" }, target: "global" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("overwrites every market's local edits") });
    expect(await testDb.productOverride.count()).toBe(0);
    expect((await globalHistory()).history).toEqual([]);

    const pushed = await edit(org, products.GB!.tiktokProductId, { overrides: { title: "Field Jacket Worldwide" }, target: "global", confirmGlobalOverwrite: true });
    expect(pushed.pushed).toMatchObject({ siblings: [products.DE!.tiktokProductId] });
    const g = await globalHistory();
    expect(g.history.map((h) => h.endpoint)).toEqual([GLOBAL_EDIT]);
    expect(g.title).toBe("Field Jacket Worldwide");
    expect((await sandboxProduct(uk.shopId, products.GB!.externalId)).title).toBe("Field Jacket Worldwide");
  });
});
