import { describe, expect, it } from "vitest";
import type { ReviewProduct, ReviewRow } from "./product-types";
import { canCheck, checkedBatchRows, isChecked, restSelection, setChecked } from "./review-selection";

const shopify = (variantId: string): NonNullable<ReviewRow["shopify"]> => ({
  variantId,
  productId: "sp1",
  productTitle: "Tee",
  title: "S",
  sku: "TEE-S",
  barcode: null,
  options: [],
  price: { amount: "10.00", currency: "USD" },
  imageUrl: null,
});

const row = (id: string, over: Partial<ReviewRow> = {}): ReviewRow => ({
  tiktokSkuId: id,
  tiktok: { sku: `SKU-${id}`, barcode: null, options: [], price: { amount: "10.00", currency: "USD" } },
  shopify: shopify(`v-${id}`),
  rule: "EXACT_SKU",
  reason: "Same SKU",
  confidence: 1,
  conflicts: [],
  checked: true,
  snapshot: `snap-${id}`,
  ...over,
});

const clean = row("a");
const suggestion = row("b", { rule: "TITLE_OPTIONS", checked: false });
const conflicted = row("c", { checked: false, conflicts: [{ kind: "SHARED_BY_TIKTOK_SKUS", message: "1 other TikTok SKU also has it." }] });
const unmatched = row("d", { shopify: null, rule: null, checked: false });
const product: ReviewProduct = { tiktokProductId: "p1", title: "Tee", imageUrl: null, alreadyMappedSkus: 0, totalSkus: 4, conflicts: [], rows: [clean, suggestion, conflicted, unmatched] };

describe("review selection", () => {
  it.each<[string, ReviewRow, Map<string, boolean>, boolean]>([
    ["a clean exact match starts checked", clean, new Map(), true],
    ["a title suggestion starts unchecked", suggestion, new Map(), false],
    ["a conflicted row starts unchecked", conflicted, new Map(), false],
    ["the member can uncheck a clean match", clean, new Map([["a", false]]), false],
    ["the member can check a suggestion", suggestion, new Map([["b", true]]), true],
    ["a row without a variant can never be checked", unmatched, new Map([["d", true]]), false],
  ])("%s", (_, value, overrides, expected) => expect(isChecked({ row: value, overrides })).toBe(expected));

  it("selects all and none, leaving rows without a variant alone", () => {
    expect(canCheck(unmatched)).toBe(false);
    const all = setChecked({ overrides: new Map(), rows: product.rows, value: true });
    expect([...all]).toEqual([["a", true], ["b", true], ["c", true]]);
    expect(checkedBatchRows({ products: [product], overrides: all }).map((r) => r.tiktokSkuId)).toEqual(["a", "b", "c"]);
    const none = setChecked({ overrides: all, rows: product.rows, value: false });
    expect(checkedBatchRows({ products: [product], overrides: none })).toEqual([]);
  });

  it("sends the checked rows as createMappingBatch expects them", () => {
    expect(checkedBatchRows({ products: [product], overrides: new Map([["b", true]]) })).toEqual([
      { tiktokSkuId: "a", shopifyVariantId: "v-a", rule: "EXACT_SKU", snapshot: "snap-a" },
      { tiktokSkuId: "b", shopifyVariantId: "v-b", rule: "TITLE_OPTIONS", snapshot: "snap-b" },
    ]);
  });

  it("Select all checks every row with a proposal, also on pages opened later; Select none checks nothing; the member's choice wins", () => {
    const later: ReviewProduct = { ...product, tiktokProductId: "p2", rows: [row("e", { rule: "TITLE_OPTIONS", checked: false })] };
    expect(checkedBatchRows({ products: [product, later], overrides: new Map(), mode: "all" }).map((r) => r.tiktokSkuId)).toEqual(["a", "b", "c", "e"]);
    expect(checkedBatchRows({ products: [product, later], overrides: new Map([["b", false]]), mode: "all" }).map((r) => r.tiktokSkuId)).toEqual(["a", "c", "e"]);
    expect(checkedBatchRows({ products: [product, later], overrides: new Map(), mode: "none" })).toEqual([]);
    expect(checkedBatchRows({ products: [product, later], overrides: new Map([["e", true]]), mode: "none" }).map((r) => r.tiktokSkuId)).toEqual(["e"]);
    expect(isChecked({ row: unmatched, overrides: new Map(), mode: "all" })).toBe(false);
  });

  it.each<[string, Parameters<typeof restSelection>[0], { after: string } | undefined]>([
    ["Select all with pages not opened yet asks for the rest", { mode: "all", nextCursor: "p9", autoSync: false }, { after: "p9" }],
    ["every page opened: nothing more to ask", { mode: "all", nextCursor: null, autoSync: false }, undefined],
    ["auto-sync on: only rows the preview covers", { mode: "all", nextCursor: "p9", autoSync: true }, undefined],
    ["the default selection covers opened pages only", { mode: "default", nextCursor: "p9", autoSync: false }, undefined],
    ["Select none asks for nothing more", { mode: "none", nextCursor: "p9", autoSync: false }, undefined],
  ])("%s", (_, input, expected) => expect(restSelection(input)).toEqual(expected));
});
