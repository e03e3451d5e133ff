// Integration: conflicts found by the matcher go to "Needs attention" and leave it once settled.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listProducts } from "@/lib/catalog/list-products";
import { normalizeSku } from "@/lib/catalog/normalize-sku";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { applyMappingBatch, createMappingBatch } from "./apply-batch";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { CONFLICT_FIX } from "./conflict-issues";
import { detectConflictsAfterImport, detectMappingConflicts } from "./detect-mapping-conflicts";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function catalog() {
  const stores = await pairedStores(testDb);
  await shopifyProduct(testDb, stores, { title: "Tee", variants: [{ sku: "TEE-S" }, { sku: "TEE-M" }] });
  await shopifyProduct(testDb, stores, { title: "Tee copy", variants: [{ sku: "TEE-M" }] });
  const clean = await tiktokProduct(testDb, stores, { title: "Cap", skus: [{ sellerSku: "CAP-1" }] });
  await shopifyProduct(testDb, stores, { title: "Cap", variants: [{ sku: "CAP-1" }] });
  // TEE-M is on two Shopify variants: the product needs attention.
  const tee = await tiktokProduct(testDb, stores, { title: "Tee", skus: [{ sellerSku: "TEE-S" }, { sellerSku: "TEE-M" }] });
  return { stores, clean, tee };
}

const tabIds = async (organizationId: string, tab: "unmapped" | "mapped" | "attention") => (await listProducts({ organizationId, query: { tab } })).products.map((p) => p.id);

describe("detectMappingConflicts", () => {
  it("puts a product with a conflict under Needs attention with the reason and the fix, once; settling it moves it back", async () => {
    const { stores, clean, tee } = await catalog();
    expect(await tabIds(stores.organizationId, "attention")).toEqual([]);

    expect(await detectMappingConflicts({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId })).toEqual({ products: 1, opened: 1, resolved: 0 });
    const list = await listProducts({ organizationId: stores.organizationId, query: { tab: "attention" } });
    expect(list.products.map((p) => p.id)).toEqual([tee.product.id]);
    expect(list.products[0]!.attention).toEqual([{ reason: expect.stringMatching(/^Conflict: SKU TEE-M: 2 Shopify variants have the SKU TEE-M: Tee – Default Title, Tee copy – Default Title/), fix: CONFLICT_FIX }]);
    expect(list.counts).toEqual({ unmapped: 1, mapped: 0, attention: 1 });
    expect(await tabIds(stores.organizationId, "unmapped")).toEqual([clean.product.id]);

    // Again: nothing changes.
    expect(await detectMappingConflicts({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId })).toEqual({ products: 1, opened: 0, resolved: 0 });
    expect(await testDb.mappingIssue.count()).toBe(1);

    // The merchant gives the copy its own SKU in Shopify: after the next import the conflict is gone.
    await testDb.shopifyVariant.updateMany({ where: { sku: "TEE-M", product: { title: "Tee copy" } }, data: { sku: "TEE-M-OLD", skuNormalized: normalizeSku("TEE-M-OLD") } });
    expect(await detectConflictsAfterImport({ organizationId: stores.organizationId, connectionId: stores.shopifyConnectionId })).toEqual({ products: 0 });
    expect(await tabIds(stores.organizationId, "attention")).toEqual([]);
    expect(new Set(await tabIds(stores.organizationId, "unmapped"))).toEqual(new Set([clean.product.id, tee.product.id]));
  });

  it("keeps the conflict when Map refuses the product, and both reasons show", async () => {
    const { stores, tee } = await catalog();
    await detectMappingConflicts({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
    const variant = await testDb.shopifyVariant.findFirstOrThrow({ where: { sku: "TEE-S" } });
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [{ tiktokSkuId: tee.skus[0]!.id, shopifyVariantId: variant.id, rule: "EXACT_SKU", snapshot: "stale" }] });
    expect((await applyMappingBatch({ organizationId: stores.organizationId, batchId })).failures).toHaveLength(1);
    const [product] = (await listProducts({ organizationId: stores.organizationId, query: { tab: "attention" } })).products;
    expect(product!.id).toBe(tee.product.id);
    const reasons = product!.attention.map((a) => a.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons.filter((reason) => reason.startsWith("Conflict:"))).toHaveLength(1);
  });

  it("does nothing for another organization's shop", async () => {
    const { stores } = await catalog();
    const other = await pairedStores(testDb);
    expect(await detectMappingConflicts({ organizationId: other.organizationId, tiktokConnectionId: stores.tiktokConnectionId })).toEqual({ products: 0, opened: 0, resolved: 0 });
    expect(await detectConflictsAfterImport({ organizationId: other.organizationId, connectionId: stores.shopifyConnectionId })).toEqual({ products: 0 });
    expect(await testDb.mappingIssue.count()).toBe(0);
  });
});
