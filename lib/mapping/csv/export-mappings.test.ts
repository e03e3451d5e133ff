import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { resetDatabase, testDb } from "../../testing/db";
import { EXPORT_COLUMNS, exportMappingsCsv, streamMappingsCsv } from "./export-mappings";
import { csvCatalog } from "./import-fixtures";
import { importMappingsCsv } from "./import-mappings";
import { parseCsv } from "./parse-csv";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const pairs = async (organizationId: string) =>
  (await testDb.mapping.findMany({ where: { organizationId }, select: { tiktokSkuId: true, shopifyVariantId: true, status: true } })).sort((a, b) => a.tiktokSkuId.localeCompare(b.tiktokSkuId));

describe("CSV export", () => {
  it("pages through the shop's mappings by keyset and imports back to the same mappings", async () => {
    const c = await csvCatalog(testDb);
    const scope = { organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId };
    await importMappingsCsv({ org: c.org, ...scope, csv: "seller_sku,shopify_sku\nTEE-S,TEE-S\nTEE-M,TEE-M\nPLAIN-1,FREE-1\nPLAIN-2,FREE-2\n", dryRun: false });
    const mapped = await pairs(c.stores.organizationId);
    expect(mapped).toHaveLength(5);

    const { chunks } = await streamMappingsCsv({ ...scope, pageSize: 2 });
    const pages: string[] = [];
    for await (const chunk of chunks) pages.push(chunk);
    expect(pages).toHaveLength(4); // the header, then pages of 2, 2 and 1 rows
    const csv = pages.join("");
    expect(csv.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    const records = parseCsv(csv);
    expect(records).toHaveLength(6);
    const free1 = records.find((r) => r[3] === "PLAIN-1")!;
    // Title with a formula start, a comma and quotes: defused, quoted, and read back intact.
    expect(free1[4]).toBe(`'=Free 1, "quoted"`);
    expect(csv).toContain(`"'=Free 1, ""quoted"""`);
    expect(free1.slice(5, 9)).toEqual([c.v.free1.externalId, "FREE-1", "MANUAL", "ACTIVE"]);

    await testDb.mapping.deleteMany({ where: { organizationId: c.stores.organizationId } });
    const report = await importMappingsCsv({ org: c.org, ...scope, csv, dryRun: false });
    expect(report).toMatchObject({ imported: true, create: 5, errorCount: 0 });
    expect(await pairs(c.stores.organizationId)).toEqual(mapped);
  });

  it("never includes another tenant's mappings, and refuses another tenant's shop", async () => {
    const c = await csvCatalog(testDb);
    const csv = await exportMappingsCsv({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId });
    expect(parseCsv(csv).slice(1).map((r) => r[3])).toEqual(["HOLDER"]);
    expect(csv).not.toContain("Foreign secret");
    expect(csv).not.toContain(c.foreignSku.externalId);
    // Positive control: the other tenant's own export does hold its row.
    expect(await exportMappingsCsv({ organizationId: c.other.organizationId, tiktokConnectionId: c.other.tiktokConnectionId })).toContain("Foreign secret");
    await expect(exportMappingsCsv({ organizationId: c.stores.organizationId, tiktokConnectionId: c.other.tiktokConnectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
