import { describe, expect, it } from "vitest";
import { batchFinished, batchHeadline } from "./batch-summary";
import { importProgress, lastImportedText } from "./import-progress";
import { emptyTabText, productsQueryString, type ProductFilters } from "./product-filters";
import type { CatalogImportView, MappingBatchView } from "./product-types";

const filters = (over: Partial<ProductFilters> = {}): ProductFilters => ({ tab: "unmapped", q: "", shop: "", status: "", ...over });

describe("productsQueryString", () => {
  it.each<[Partial<ProductFilters>, { cursor?: string; limit?: number }, string]>([
    [{}, {}, "tab=unmapped"],
    [{ tab: "attention", q: "  tee  " }, {}, "tab=attention&q=tee"],
    [{ q: "   " }, {}, "tab=unmapped"],
    [{ shop: "c1", status: "ACTIVATE" }, { cursor: "abc", limit: 25 }, "tab=unmapped&shop=c1&status=ACTIVATE&cursor=abc&limit=25"],
    [{ q: "50% & more" }, {}, "tab=unmapped&q=50%25+%26+more"],
  ])("%j %j → %s", (over, page, expected) => expect(productsQueryString({ filters: filters(over), ...page })).toBe(expected));
});

describe("emptyTabText", () => {
  it.each<[Partial<ProductFilters>, string]>([
    [{}, "Nothing left to map"],
    [{ tab: "mapped" }, "No mapped products yet"],
    [{ tab: "attention" }, "Nothing needs attention"],
    [{ tab: "mapped", q: "x" }, "No products match"],
    [{ shop: "c1" }, "No products match"],
  ])("%j → %s", (over, title) => expect(emptyTabText({ filters: filters(over) }).title).toBe(title));
});

const run = (over: Partial<CatalogImportView>): CatalogImportView => ({
  id: "i1",
  status: "RUNNING",
  kind: "full",
  processed: 0,
  total: null,
  error: null,
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: null,
  ...over,
});

describe("importProgress", () => {
  it.each<[CatalogImportView | null, { percent: number | null; running: boolean; text: string; tone: string }]>([
    [null, { percent: null, running: false, text: "Not imported yet", tone: "neutral" }],
    [run({ processed: 1500, total: 6000 }), { percent: 25, running: true, text: "Importing… 1,500 of 6,000", tone: "neutral" }],
    [run({ processed: 7000, total: 6000 }), { percent: 100, running: true, text: "Importing… 7,000 of 6,000", tone: "neutral" }],
    [run({ processed: 40 }), { percent: null, running: true, text: "Importing… 40 so far", tone: "neutral" }],
    [run({}), { percent: null, running: true, text: "Importing…", tone: "neutral" }],
    [run({ status: "FAILED", error: "Token refused." }), { percent: null, running: false, text: "Import failed: Token refused.", tone: "danger" }],
    [run({ status: "SUCCEEDED", processed: 12 }), { percent: 100, running: false, text: "Imported 12", tone: "neutral" }],
  ])("%j", (latest, expected) => expect(importProgress(latest)).toEqual(expected));
});

describe("lastImportedText", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  it.each<[string | null, string]>([
    [null, "Never imported"],
    ["2026-01-01T11:55:00Z", "Last imported 5 minutes ago"],
    ["2026-01-01T11:59:30Z", "Last imported just now"],
  ])("%s → %s", (lastImportedAt, text) => expect(lastImportedText({ lastImportedAt, now })).toBe(text));
});

const batch = (over: Partial<MappingBatchView>): MappingBatchView => ({ status: "SUCCEEDED", mappedProducts: 0, mappedSkus: 0, failures: [], ...over });
const failure = { tiktokProductId: "p", title: "Tee", tiktokSkuIds: ["s"], reason: "r", fix: "f" };

describe("batchHeadline", () => {
  it.each<[MappingBatchView, string, boolean]>([
    [batch({ mappedProducts: 12, failures: [failure, failure] }), "12 products mapped, 2 failed", true],
    [batch({ mappedProducts: 1 }), "1 product mapped, 0 failed", true],
    [batch({ status: "FAILED", mappedProducts: 3 }), "Mapping stopped with an error after 3 products. Run Bulk auto-map again for the rest.", true],
    [batch({ status: "RUNNING" }), "0 products mapped, 0 failed", false],
    [batch({ status: "QUEUED" }), "0 products mapped, 0 failed", false],
  ])("%j → %s", (value, headline, finished) => {
    expect(batchHeadline(value)).toBe(headline);
    expect(batchFinished(value)).toBe(finished);
  });
});
