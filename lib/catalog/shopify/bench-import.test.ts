import { beforeAll, beforeEach, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { resetDatabase, testDb } from "../../testing/db";
import { benchShopifyImport } from "./bench-import";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("benchShopifyImport times a full bulk import of a fresh store and counts its calls", async () => {
  const result = await benchShopifyImport({ variants: 1000, bulkThresholdVariants: 500 });
  expect(result).toMatchObject({ strategy: "bulk", imported: 1000, minimumCalls: 2 });
  // probe + run + poll
  expect(result.apiCalls).toBe(3);
  expect(result.ms).toBeGreaterThan(0);
});
