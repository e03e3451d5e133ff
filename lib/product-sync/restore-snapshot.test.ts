import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { undoMappingBatch } from "../mapping/unmap";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { restoreSnapshot } from "./restore-snapshot";
import { syncProduct } from "./sync-product";
import { enableAutoSync, pairedSandboxStores, sandboxProduct, seedMappedProducts } from "./sync-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

describe("undo restores the snapshotted listing", () => {
  it("undo of the batch removes the mappings and puts the TikTok listing back as it was", async () => {
    const { org, shopify, tiktok } = await pairedSandboxStores();
    const shop = tiktok.shops[0]!;
    const [product] = await seedMappedProducts({
      org,
      shopify,
      shop,
      products: [{ title: "Leather Belt", description: "<p>Full grain</p>", variants: [{ sku: "BELT", price: "45.00", quantity: 6 }], tiktok: { title: "Belt (TikTok title)", description: "<p>TikTok copy</p>", prices: ["39.00"] } }],
    });
    // The mappings came from one "Map" batch.
    const batch = await testDb.mappingBatch.create({ data: { organizationId: org.organizationId, status: "SUCCEEDED", requested: { tiktokConnectionId: shop.connectionId, shopifyConnectionId: shopify.connectionId, rows: [] } } });
    await testDb.mapping.updateMany({ data: { batchId: batch.id } });
    await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId });

    await syncProduct({ organizationId: org.organizationId, tiktokProductId: product!.tiktokProductId, reason: "mapping" });
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product!.externalId}/review`, { approve: true });
    const synced = await sandboxProduct(shop.shopId, product!.externalId);
    expect({ title: synced.title, price: synced.skus[0]!.price.sale_price }).toEqual({ title: "Leather Belt", price: "45.00" });
    // A second sync keeps the first snapshot (the merchant's own listing), not a synced one.
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: product!.tiktokProductId, reason: "reconcile" });

    const undone = await undoMappingBatch({ org, batchId: batch.id });
    expect(undone).toEqual({ removed: 1, restoring: 1 });
    expect(await testDb.mapping.count()).toBe(0);
    // What the restore job runs for that product:
    expect(await restoreSnapshot({ organizationId: org.organizationId, tiktokProductId: product!.tiktokProductId })).toEqual({ restored: true, writes: ["content", "price"] });
    const restored = await sandboxProduct(shop.shopId, product!.externalId);
    expect(restored.skus[0]!.price.sale_price).toBe("39.00");
    expect(restored.underReview?.changedFields.sort()).toEqual(["description", "title"]);
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product!.externalId}/review`, { approve: true });
    const live = await sandboxProduct(shop.shopId, product!.externalId);
    expect({ title: live.title, description: live.description }).toEqual({ title: "Belt (TikTok title)", description: "<p>TikTok copy</p>" });
    // Once restored, a repeat does nothing.
    expect(await restoreSnapshot({ organizationId: org.organizationId, tiktokProductId: product!.tiktokProductId })).toMatchObject({ restored: false });
    expect(await testDb.activityEntry.count({ where: { type: "product_sync.restored" } })).toBe(1);
  });

  it("another tenant cannot restore a product", async () => {
    const other = await pairedSandboxStores();
    expect(await restoreSnapshot({ organizationId: other.org.organizationId, tiktokProductId: "cmwy00000000000000000000z" })).toMatchObject({ restored: false });
  });
});
