import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { benchTikTokImport } from "./bench-import";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

describe("benchTikTokImport", () => {
  it("seeds, imports every SKU and reports calls against the minimum", async () => {
    const result = await benchTikTokImport({ skus: 63, skusPerProduct: 5 });
    expect(result).toMatchObject({ products: 13, skus: 63, minimumCalls: 14 });
    expect(result.apiCalls).toBeGreaterThanOrEqual(result.minimumCalls);
    expect(result.apiCalls).toBeLessThanOrEqual(1.1 * result.minimumCalls);
    expect(result.ms).toBeGreaterThan(0);
    expect(await testDb.tikTokSku.count({ where: { identifierCode: { not: null } } })).toBe(63);
  });
});
