import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { applyMappingBatch, createMappingBatch } from "./apply-batch";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { computeProposals } from "./compute-proposals";
import { undoMappingBatch, unmapProduct } from "./unmap";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function mappedCatalog() {
  const stores = await pairedStores(testDb);
  for (const letter of ["A", "B"]) {
    await shopifyProduct(testDb, stores, { title: `Product ${letter}`, variants: [{ sku: `${letter}-1` }] });
    await tiktokProduct(testDb, stores, { title: `Product ${letter}`, skus: [{ sellerSku: `${letter}-1` }] });
  }
  const review = await computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
  const rows = review.products.flatMap((p) => p.rows).map((r) => ({ tiktokSkuId: r.tiktokSkuId, shopifyVariantId: r.shopify!.variantId, rule: r.rule, snapshot: r.snapshot }));
  const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
  await applyMappingBatch({ organizationId: stores.organizationId, batchId });
  const org = { ...stores.org, organizationSlug: "x", organizationName: "x", role: "OWNER" as const };
  return { stores, org, batchId };
}

describe("unmap and undo", () => {
  it("unmaps one product and leaves the others", async () => {
    const { org } = await mappedCatalog();
    const productA = await testDb.tikTokProduct.findFirstOrThrow({ where: { title: "Product A" } });
    expect(await unmapProduct({ org, tiktokProductId: productA.id })).toEqual({ removed: 1 });
    expect(await testDb.mapping.count()).toBe(1);
    expect(await unmapProduct({ org, tiktokProductId: productA.id })).toEqual({ removed: 0 });
  });

  it("undoes a whole batch", async () => {
    const { org, batchId } = await mappedCatalog();
    expect(await testDb.mapping.count()).toBe(2);
    expect(await undoMappingBatch({ org, batchId })).toEqual({ removed: 2, restoring: 0 });
    expect(await testDb.mapping.count()).toBe(0);
    expect(await testDb.activityEntry.count({ where: { type: "mapping.batch_undone" } })).toBe(1);
  });

  it("refuses another organization's product and batch, changing nothing", async () => {
    const { batchId } = await mappedCatalog();
    const other = await pairedStores(testDb);
    const intruder = { ...other.org, organizationSlug: "y", organizationName: "y", role: "OWNER" as const };
    const product = await testDb.tikTokProduct.findFirstOrThrow({ where: { title: "Product A" } });
    await expect(unmapProduct({ org: intruder, tiktokProductId: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(undoMappingBatch({ org: intruder, batchId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.mapping.count()).toBe(2);
  });
});
