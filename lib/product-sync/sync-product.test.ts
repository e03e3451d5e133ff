import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { syncProduct } from "./sync-product";
import { enableAutoSync, pairedSandboxStores, sandboxProduct, sandboxWrites, seedMappedProducts, type KitProduct } from "./sync-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const PARTIAL_EDIT = "POST /product/202509/products/{product_id}/partial_edit";
const PRICE = "POST /product/202309/products/{product_id}/prices/update";
const INVENTORY = "POST /product/202309/products/{product_id}/inventory/update";

const tee: KitProduct = {
  title: "Classic Crew Tee",
  description: "<p>Organic cotton</p>",
  variants: [
    { sku: "TEE-S", price: "20.00", quantity: 8 },
    { sku: "TEE-M", price: "20.00", compareAtPrice: "25.00", quantity: 3 },
  ],
  tiktok: { title: "Crew Tee - LIMITED", description: "<p>Cotton</p>", prices: ["18.00", "20.00"], quantities: [8, 1] },
};

async function setup(product: KitProduct = tee, settings: Record<string, unknown> = {}) {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const [mapped] = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: [product] });
  await enableAutoSync({ organizationId: stores.org.organizationId, tiktokConnectionId: shop.connectionId, settings });
  return { ...stores, shop, product: mapped! };
}

describe("syncProduct against the sandbox", () => {
  it("writes exactly what changed, each through its endpoint, then nothing when nothing changed", async () => {
    const { org, shop, product } = await setup();
    const first = await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" });
    expect(first, JSON.stringify(await testDb.productSyncState.findMany())).toMatchObject({ status: "SYNCED" });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([PARTIAL_EDIT, PRICE, INVENTORY]);
    const listing = await sandboxProduct(shop.shopId, product.externalId);
    const edit = listing.history[1]!;
    expect(edit.fields.sort()).toEqual(["description", "title"]);
    // price of TEE-S and the new list price of TEE-M; stock of TEE-M only
    expect(listing.history[2]!.detail).toEqual([
      { sku_id: listing.skus[0]!.id, price: "20.00" },
      { sku_id: listing.skus[1]!.id, price: "20.00", list_price: "25.00" },
    ]);
    expect(listing.history[3]!.detail).toEqual([{ sku_id: listing.skus[1]!.id, inventory: [{ warehouse_id: listing.skus[1]!.inventory[0]!.warehouse_id, quantity: 3 }] }]);
    expect(listing.underReview?.changedFields.sort()).toEqual(["description", "title"]);
    const state = await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } });
    expect(state).toMatchObject({ status: "SYNCED", reviewStatus: "AUDITING", lastError: null });
    expect(await testDb.productSnapshot.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } })).toMatchObject({ content: expect.objectContaining({ title: "Crew Tee - LIMITED" }) });
    expect(await testDb.activityEntry.count({ where: { type: "product_sync.synced" } })).toBe(1);

    // the content is under review: the pending version already says what Shopify says, so nothing is resent
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product.externalId}/review`, { approve: true });
    const again = await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "reconcile" });
    expect(again).toMatchObject({ status: "SYNCED", writes: [] });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([PARTIAL_EDIT, PRICE, INVENTORY, "review approved"]);
    expect(await testDb.activityEntry.count({ where: { type: "product_sync.synced" } })).toBe(1);
  });

  it("follows a Shopify change with only that field", async () => {
    const { org, shop, shopify, product } = await setup();
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" });
    await sandboxControl("POST", `/__sandbox/shopify/shops/${shopify.domain}/inventory`, { sku: "TEE-S", available: 2 });
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "shopify-change" });
    expect((await sandboxWrites(shop.shopId, product.externalId)).slice(3)).toEqual([INVENTORY]);
    expect((await sandboxProduct(shop.shopId, product.externalId)).skus[0]!.inventory[0]!.quantity).toBe(2);
  });

  it("applies the pairing's rules and field switches", async () => {
    const { org, shop, product } = await setup(tee, {
      fields: { title: false, description: false, price: true, inventory: true },
      price: { percentMarkup: "10", roundingEndings: [{ currency: "USD", ending: "0.99" }], compareAtAsListPrice: false },
      inventory: { safetyBuffer: 1 },
    });
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([PRICE, INVENTORY]);
    const listing = await sandboxProduct(shop.shopId, product.externalId);
    expect(listing.title).toBe("Crew Tee - LIMITED");
    expect(listing.skus.map((s) => s.price.sale_price)).toEqual(["22.99", "22.99"]);
    expect(listing.skus.map((s) => s.inventory[0]!.quantity)).toEqual([7, 2]);
  });

  it("reports a price locked by a promotion per SKU and still writes the rest", async () => {
    const { org, shop, product } = await setup({ ...tee, tiktok: { ...tee.tiktok, title: tee.title, description: tee.description } });
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product.externalId}/promotion`, { locked: true });
    const outcome = await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" });
    expect(outcome.status).toBe("PARTIAL");
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([INVENTORY]);
    const state = await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } });
    expect(state.skuErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "price", promotionLocked: true, code: 12052038 })]));
    expect(state.lastError).toMatch(/promotion/);
  });

  it("does nothing while auto-sync is off, and never writes to Shopify", async () => {
    const { org, shop, shopify, product } = await setup();
    await testDb.shopSettings.deleteMany();
    expect(await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" })).toMatchObject({ status: "SKIPPED" });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([]);
    const { rows } = await sandboxControl<{ rows: { platform: string; route: string }[] }>("GET", "/__sandbox/requests?limit=50000");
    expect(rows.filter((r) => r.platform === "shopify" && /mutation|productUpdate/i.test(r.route))).toEqual([]);
    void shopify;
  });

  it("another organization's product is not found", async () => {
    const { product } = await setup();
    const other = await pairedSandboxStores();
    expect(await syncProduct({ organizationId: other.org.organizationId, tiktokProductId: product.tiktokProductId, reason: "sync-now" })).toMatchObject({ status: "SKIPPED" });
  });
});
