import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { startMappingBatch } from "../../mapping/start-mapping-batch";
import { resetDatabase, testDb } from "../../testing/db";
import { shopToSyncAfterBatch } from "../sync-after-mapping";
import { enableAutoSync, pairedSandboxStores, sandboxWrites, seedMappedProducts } from "../sync-test-kit";
import { computePreviewPage, finishPreview, startCursor, type PreviewCursor } from "./compute-preview";
import { getSyncPreview } from "./get-preview";
import { startSyncPreview } from "./start-preview";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function runPreview(previewId: string) {
  let cursor: PreviewCursor | null = startCursor;
  while (cursor) cursor = (await computePreviewPage({ previewId, cursor })).cursor;
  await finishPreview({ previewId });
}

/** A product in the catalog on both sides but not mapped yet, with auto-sync on for the shop. */
async function setup() {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const [product] = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: [{ title: "Corduroy Cap", variants: [{ sku: "CAP", price: "28.00", quantity: 5 }], tiktok: { title: "Cap", prices: ["25.00"] } }] });
  const mapping = await testDb.mapping.findFirstOrThrow();
  await testDb.mapping.deleteMany();
  await enableAutoSync({ organizationId: stores.org.organizationId, tiktokConnectionId: shop.connectionId });
  const row = { tiktokSkuId: mapping.tiktokSkuId, shopifyVariantId: mapping.shopifyVariantId, rule: "EXACT_SKU" as const, snapshot: "x" };
  return { ...stores, shop, product: product!, row };
}

describe("Map with auto-sync on", () => {
  it("is refused without a confirmed preview of its rows; the preview shows what the new mapping overwrites", async () => {
    const { org, shop, product, row } = await setup();
    await expect(startMappingBatch({ org, input: { tiktokConnectionId: shop.connectionId, rows: [row] } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/preview/) });
    expect(await testDb.mappingBatch.count()).toBe(0);

    const { previewId } = await startSyncPreview({ org, input: { purpose: "mapping", tiktokConnectionId: shop.connectionId, rows: [row] } });
    await runPreview(previewId);
    const preview = await getSyncPreview({ organizationId: org.organizationId, previewId, query: { limit: 50 } });
    expect(preview).toMatchObject({ status: "READY", productsAffected: 1 });
    expect(preview.items[0]!.changes).toEqual([
      { scope: "local", field: "title", current: "Cap", next: "Corduroy Cap" },
      { scope: "local", field: "price", sku: "CAP", current: "25.00 USD", next: "28.00 USD" },
    ]);
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([]);

    // Other rows than the previewed ones are refused; the previewed ones are mapped.
    await expect(startMappingBatch({ org, input: { tiktokConnectionId: shop.connectionId, rows: [{ ...row, tiktokSkuId: "cmwy00000000000000000000z" }], overwritePreviewId: previewId } })).rejects.toMatchObject({ code: "CONFLICT" });
    const batch = await startMappingBatch({ org, input: { tiktokConnectionId: shop.connectionId, rows: [row], overwritePreviewId: previewId } });
    expect(batch.batchId).toBeTruthy();
  });

  it("after the batch is applied its shop is synced (auto-sync on), and not otherwise", async () => {
    const { org, shop } = await setup();
    const batch = await testDb.mappingBatch.create({ data: { organizationId: org.organizationId, status: "SUCCEEDED", mappedSkus: 1, requested: { tiktokConnectionId: shop.connectionId } } });
    expect(await shopToSyncAfterBatch({ organizationId: org.organizationId, batchId: batch.id })).toEqual({ tiktokConnectionId: shop.connectionId });
    await testDb.shopSettings.deleteMany();
    expect(await shopToSyncAfterBatch({ organizationId: org.organizationId, batchId: batch.id })).toBeNull();
  });
});
