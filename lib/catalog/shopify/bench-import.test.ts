import { beforeAll, beforeEach, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { resetDatabase, testDb } from "../../testing/db";
import { benchShopifyImport } from "./bench-import";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("benchShopifyImport times a full bulk import of a fresh store and a re-import, and counts their calls", async () => {
  const result = await benchShopifyImport({ variants: 1000, bulkThresholdVariants: 500 });
  expect(result).toMatchObject({ strategy: "bulk", imported: 1000, minimumCalls: 2 });
  // Shopify counted the variants at connect: no probe, only run + poll.
  expect(result.apiCalls).toBe(2);
  expect(result.ms).toBeGreaterThan(0);
  // Again: the last import says the store is large: run + poll.
  expect(result.reimport).toMatchObject({ strategy: "bulk", imported: 1000, minimumCalls: 2, apiCalls: 2 });
});
