import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { resetDatabase, testDb } from "../../testing/db";
import { csvCatalog, type CsvCatalog } from "./import-fixtures";
import { importMappingsCsv } from "./import-mappings";
import { parseImportRequest } from "./parse-import-request";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const ids = "tiktok_sku_id,shopify_variant_id";
const skus = "seller_sku,shopify_sku";
const lines = (...rows: string[]) => `${rows.join("\r\n")}\r\n`;
const snapshot = async () => (await testDb.mapping.findMany({ orderBy: { tiktokSkuId: "asc" }, select: { tiktokSkuId: true, shopifyVariantId: true, rule: true, status: true } }));

function run(c: CsvCatalog, csv: string, dryRun = true) {
  return importMappingsCsv({ org: c.org, tiktokConnectionId: c.stores.tiktokConnectionId, csv, dryRun });
}

describe("CSV import: row errors", () => {
  const cases: { name: string; csv: (c: CsvCatalog) => string; errors: { row: number; code: string; message?: RegExp }[] }[] = [
    { name: "unknown TikTok SKU id", csv: (c) => lines(ids, `999999,${c.v.free1.externalId}`), errors: [{ row: 2, code: "UNKNOWN_TIKTOK_SKU", message: /No TikTok SKU with id "999999" in this shop\./ }] },
    { name: "unknown seller SKU", csv: () => lines(skus, "NOPE,FREE-1"), errors: [{ row: 2, code: "UNKNOWN_TIKTOK_SKU", message: /seller SKU "NOPE"/ }] },
    { name: "unknown Shopify SKU", csv: () => lines(skus, "PLAIN-1,NOPE"), errors: [{ row: 2, code: "UNKNOWN_VARIANT" }] },
    { name: "unknown Shopify variant id", csv: (c) => lines(ids, `${c.s.plain1.externalId},424242`), errors: [{ row: 2, code: "UNKNOWN_VARIANT" }] },
    { name: "another tenant's TikTok SKU id", csv: (c) => lines(ids, `${c.foreignSku.externalId},${c.v.free1.externalId}`), errors: [{ row: 2, code: "UNKNOWN_TIKTOK_SKU" }] },
    { name: "another tenant's variant id", csv: (c) => lines(ids, `${c.s.plain1.externalId},${c.foreignVariant.externalId}`), errors: [{ row: 2, code: "UNKNOWN_VARIANT" }] },
    { name: "ambiguous seller SKU", csv: () => lines(skus, "TWIN,FREE-1"), errors: [{ row: 2, code: "AMBIGUOUS_TIKTOK_SKU", message: /matches 2 TikTok SKUs/ }] },
    { name: "ambiguous Shopify SKU", csv: () => lines(skus, "PLAIN-1,DUP"), errors: [{ row: 2, code: "AMBIGUOUS_VARIANT", message: /matches 2 variants/ }] },
    { name: "duplicate row", csv: () => lines(skus, "PLAIN-1,FREE-1", "plain-1 , free-1"), errors: [{ row: 3, code: "DUPLICATE_ROW", message: /row 2/ }] },
    { name: "duplicate row by id and by SKU", csv: (c) => lines(`${ids},${skus}`, `${c.s.plain1.externalId},${c.v.free1.externalId},,`, ",,PLAIN-1,FREE-1"), errors: [{ row: 3, code: "DUPLICATE_ROW" }] },
    { name: "the same TikTok SKU twice", csv: () => lines(skus, "PLAIN-1,FREE-1", "PLAIN-1,FREE-2"), errors: [{ row: 3, code: "TIKTOK_SKU_TWICE" }] },
    { name: "a variant used twice", csv: () => lines(skus, "PLAIN-1,FREE-1", "PLAIN-2,FREE-1"), errors: [{ row: 3, code: "VARIANT_TWICE" }] },
    { name: "a variant mapped by another SKU of the shop", csv: () => lines(skus, "PLAIN-1,HELD"), errors: [{ row: 2, code: "VARIANT_TAKEN", message: /HOLDER/ }] },
    { name: "a deleted variant", csv: () => lines(skus, "PLAIN-1,GONE"), errors: [{ row: 2, code: "VARIANT_DELETED" }] },
    { name: "a deleted TikTok product", csv: () => lines(skus, "DELETED,FREE-1"), errors: [{ row: 2, code: "TIKTOK_PRODUCT_DELETED" }] },
    { name: "a missing value", csv: () => lines(skus, "PLAIN-1,", ",FREE-2"), errors: [{ row: 2, code: "MISSING_SHOPIFY_VARIANT" }, { row: 3, code: "MISSING_TIKTOK_SKU" }] },
    { name: "errors on several rows, blank lines skipped", csv: () => lines(skus, "PLAIN-1,FREE-1", "", "NOPE,FREE-2", "PLAIN-2,GONE"), errors: [{ row: 4, code: "UNKNOWN_TIKTOK_SKU" }, { row: 5, code: "VARIANT_DELETED" }] },
  ];

  it.each(cases)("$name: reported in the dry run; the real run refuses and writes nothing", async ({ csv, errors }) => {
    const c = await csvCatalog(testDb);
    const before = await snapshot();
    const text = csv(c);
    const report = await run(c, text);
    expect(report.errors).toEqual(errors.map(({ row, code, message }) => ({ row, code, message: message ? expect.stringMatching(message) : expect.any(String) })));
    expect(report).toMatchObject({ dryRun: true, imported: false, errorCount: errors.length });
    await expect(run(c, text, false)).rejects.toMatchObject({ code: "BAD_REQUEST", details: { errorCount: errors.length, imported: false } });
    expect(await snapshot()).toEqual(before);
    expect(await testDb.activityEntry.count()).toBe(0);
  });

  it("reports another tenant's ids exactly like ids that do not exist", async () => {
    const c = await csvCatalog(testDb);
    const message = async (csv: string, value: string) => (await run(c, csv)).errors.map((e) => ({ ...e, message: e.message.replace(value, "ID") }));
    expect(await message(lines(ids, `${c.foreignSku.externalId},${c.v.free1.externalId}`), c.foreignSku.externalId)).toEqual(await message(lines(ids, `nope-0,${c.v.free1.externalId}`), "nope-0"));
    expect(await message(lines(ids, `${c.s.plain1.externalId},${c.foreignVariant.externalId}`), c.foreignVariant.externalId)).toEqual(
      await message(lines(ids, `${c.s.plain1.externalId},nope-0`), "nope-0"),
    );
    // The other tenant's SKU "TEE-S" is not counted: ours resolves to one SKU and one variant.
    expect(await run(c, lines(skus, "TEE-S,TEE-S"))).toMatchObject({ errorCount: 0, create: 1 });
  });
});

describe("CSV import: bad files", () => {
  const cases: { name: string; csv: string; code: string; message: RegExp }[] = [
    { name: "no header", csv: lines("PLAIN-1,FREE-1"), code: "BAD_REQUEST", message: /header with a tiktok_sku_id or seller_sku column/ },
    { name: "a header without a Shopify column", csv: lines("seller_sku,title", "PLAIN-1,x"), code: "BAD_REQUEST", message: /header/ },
    { name: "a header only", csv: lines(skus, ""), code: "BAD_REQUEST", message: /no rows to import/ },
    { name: "an unterminated quote", csv: lines(skus, '"PLAIN-1,FREE-1'), code: "BAD_REQUEST", message: /Row 2: a quoted value is never closed/ },
    { name: "more than 20,000 rows", csv: lines(skus, ...Array.from({ length: 20_001 }, (_, i) => `S${i},V${i}`)), code: "BAD_REQUEST", message: /20,001 rows/ },
    { name: "more than 5 MB", csv: lines(skus, `PLAIN-1,${"x".repeat(5 * 1024 * 1024)}`), code: "PAYLOAD_TOO_LARGE", message: /5 MB/ },
  ];

  it.each(cases)("$name → $code", async ({ csv, code, message }) => {
    const c = await csvCatalog(testDb);
    await expect(run(c, csv, false)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await testDb.mapping.count()).toBe(2);
  });

  it("refuses another organization's TikTok shop as not found", async () => {
    const c = await csvCatalog(testDb);
    await expect(importMappingsCsv({ org: c.org, tiktokConnectionId: c.other.tiktokConnectionId, csv: lines(skus, "TEE-S,TEE-S"), dryRun: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.mapping.count()).toBe(2);
  });

  it.each([
    { name: "not JSON", body: "csv=1", type: "application/json", code: "BAD_REQUEST" },
    { name: "a form post", body: "{}", type: "text/csv", code: "UNSUPPORTED_MEDIA_TYPE" },
    { name: "no csv", body: JSON.stringify({ tiktokConnectionId: "t" }), type: "application/json", code: "ZodError" },
    { name: "an oversized body", body: JSON.stringify({ tiktokConnectionId: "t", csv: "x".repeat(8_000_000), dryRun: true }), type: "application/json", code: "PAYLOAD_TOO_LARGE" },
  ])("request body: $name → $code", async ({ body, type, code }) => {
    const request = new Request("http://127.0.0.1/api", { method: "POST", body, headers: { "content-type": type } });
    const error = await parseImportRequest(request).catch((e: unknown) => e);
    expect((error as { code?: string; name?: string }).code ?? (error as Error).name).toBe(code);
  });
});

describe("CSV import: writing", () => {
  it("a dry run lists what would change and writes nothing; the real run writes it all with one activity entry", async () => {
    const c = await csvCatalog(testDb);
    // HOLDER moves off HELD in the same file, so PLAIN-1 may take HELD; TEE-S is new.
    const csv = lines(skus, "HOLDER,FREE-2", "PLAIN-1,HELD", "TEE-S,TEE-S");
    const before = await snapshot();
    const dry = await run(c, csv);
    expect(dry).toMatchObject({ dryRun: true, imported: false, rows: 3, create: 2, change: 1, unchanged: 0, errorCount: 0 });
    expect(dry.changes.map((ch) => [ch.row, ch.action, ch.tiktok.sellerSku, ch.shopify.sku])).toEqual([
      [2, "change", "HOLDER", "FREE-2"],
      [3, "create", "PLAIN-1", "HELD"],
      [4, "create", "TEE-S", "TEE-S"],
    ]);
    expect(await snapshot()).toEqual(before);

    const real = await run(c, csv, false);
    expect(real).toMatchObject({ imported: true, create: 2, change: 1 });
    const written = await testDb.mapping.findMany({ where: { organizationId: c.stores.organizationId }, select: { tiktokSkuId: true, shopifyVariantId: true, rule: true, createdById: true } });
    expect(written).toHaveLength(3);
    expect(written).toEqual(
      expect.arrayContaining([
        { tiktokSkuId: c.s.holder.id, shopifyVariantId: c.v.free2.id, rule: "MANUAL", createdById: c.org.userId },
        { tiktokSkuId: c.s.plain1.id, shopifyVariantId: c.v.held.id, rule: "MANUAL", createdById: c.org.userId },
        { tiktokSkuId: c.s.teeS.id, shopifyVariantId: c.v.teeS.id, rule: "MANUAL", createdById: c.org.userId },
      ]),
    );
    const activity = await testDb.activityEntry.findMany();
    expect(activity).toEqual([expect.objectContaining({ organizationId: c.stores.organizationId, type: "mapping.csv_imported", message: "CSV import: 3 SKUs mapped (2 new, 1 changed)." })]);
    // The other tenant's mapping is untouched.
    expect(await testDb.mapping.count({ where: { organizationId: c.other.organizationId } })).toBe(1);

    expect(await run(c, csv, false)).toMatchObject({ imported: true, create: 0, change: 0, unchanged: 3 });
    expect(await testDb.activityEntry.count()).toBe(1);
  });
});
