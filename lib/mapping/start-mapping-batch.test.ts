// Integration: "Map" with "Select all" across pages (the rest computed by the job).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
// Before the sync test kit: the settings registry and its sections import each other.
import { startMappingBatch } from "./start-mapping-batch";
import { enableAutoSync } from "@/lib/product-sync/sync-test-kit";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function setup() {
  const stores = await pairedStores(testDb);
  await shopifyProduct(testDb, stores, { title: "Tee", variants: [{ sku: "TEE-1" }] });
  await tiktokProduct(testDb, stores, { title: "Tee", skus: [{ sellerSku: "TEE-1" }] });
  const org = { ...stores.org, organizationSlug: "o", organizationName: "O", role: "ADMIN" as const };
  return { stores, org };
}

describe("startMappingBatch with Select all", () => {
  it("stores the rest for the job to expand", async () => {
    const { stores, org } = await setup();
    const { batchId, rows } = await startMappingBatch({ org, input: { tiktokConnectionId: stores.tiktokConnectionId, rows: [], rest: { after: "0" } } });
    expect(rows).toBe(0);
    expect((await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).requested).toMatchObject({ rows: [], rest: { after: "0" } });
  });

  it("is refused with auto-sync on, whose preview covers only rows the member saw, and stores nothing", async () => {
    const { stores, org } = await setup();
    await enableAutoSync({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
    await expect(startMappingBatch({ org, input: { tiktokConnectionId: stores.tiktokConnectionId, rows: [], rest: { after: "0" } } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Auto-sync is on/) });
    expect(await testDb.mappingBatch.count()).toBe(0);
  });
});
