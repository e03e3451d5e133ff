import { describe, expect, it } from "vitest";
import { barcodeKey, optionsKey } from "./match-keys";
import { matchCatalogs, type MatchOption, type Proposal, type ShopifyVariantInput, type TikTokSkuInput } from "./match";

const size = (value: string): MatchOption[] => [{ name: "Size", value }];

function tiktok(id: string, fields: Partial<TikTokSkuInput> = {}): TikTokSkuInput {
  return { id, productId: "tp1", productTitle: "Linen Shirt", sellerSku: null, identifierCode: null, options: [], ...fields };
}

function variant(id: string, fields: Partial<ShopifyVariantInput> = {}): ShopifyVariantInput {
  return { id, productId: "sp1", productTitle: "Linen Shirt", sku: null, barcode: null, options: [], ...fields };
}

function proposalsById(tiktokSkus: TikTokSkuInput[], shopifyVariants: ShopifyVariantInput[]) {
  const result = matchCatalogs({ tiktokSkus, shopifyVariants });
  return new Map(result.products.flatMap((product) => product.proposals).map((proposal) => [proposal.tiktokSkuId, proposal]));
}

function only(tiktokSkus: TikTokSkuInput[], shopifyVariants: ShopifyVariantInput[]): Proposal {
  return proposalsById(tiktokSkus, shopifyVariants).get(tiktokSkus[0]!.id)!;
}

describe("matchCatalogs rules", () => {
  it.each([
    { name: "exact SKU", tiktok: { sellerSku: "TEE-RED-M" }, shopify: { sku: "TEE-RED-M" }, rule: "EXACT_SKU", variant: "v1" },
    { name: "SKU differing in case", tiktok: { sellerSku: "tee-red-m" }, shopify: { sku: "TEE-RED-M" }, rule: "NORMALIZED_SKU", variant: "v1" },
    { name: "SKU with outer spaces", tiktok: { sellerSku: "  TEE-RED-M " }, shopify: { sku: "TEE-RED-M" }, rule: "NORMALIZED_SKU", variant: "v1" },
    { name: "SKU with doubled inner whitespace", tiktok: { sellerSku: "TEE  RED\tM" }, shopify: { sku: "tee red m" }, rule: "NORMALIZED_SKU", variant: "v1" },
    { name: "same barcode", tiktok: { identifierCode: "012345678905" }, shopify: { barcode: "012345678905" }, rule: "BARCODE", variant: "v1" },
    { name: "UPC-A against EAN-13 (leading zero)", tiktok: { identifierCode: "0012345678905" }, shopify: { barcode: "012345678905" }, rule: "BARCODE", variant: "v1" },
    { name: "GTIN-14 against UPC-A", tiktok: { identifierCode: "00012345678905" }, shopify: { barcode: "12345678905" }, rule: "BARCODE", variant: "v1" },
    { name: "barcode with spaces and hyphens", tiktok: { identifierCode: "0 12345-67890 5" }, shopify: { barcode: "012345678905" }, rule: "BARCODE", variant: "v1" },
    { name: "SKU wins over a different barcode", tiktok: { sellerSku: "A1", identifierCode: "012345678905" }, shopify: { sku: "A1", barcode: "999999999999" }, rule: "EXACT_SKU", variant: "v1" },
    { name: "different SKU, nothing else", tiktok: { sellerSku: "A1" }, shopify: { sku: "A2" }, rule: null, variant: null },
    { name: "blank SKUs never match", tiktok: { sellerSku: "  " }, shopify: { sku: " " }, rule: null, variant: null },
    { name: "a short code is no GTIN", tiktok: { identifierCode: "1234" }, shopify: { barcode: "1234" }, rule: null, variant: null },
    { name: "a barcode with letters is no GTIN", tiktok: { identifierCode: "ABC12345678" }, shopify: { barcode: "ABC12345678" }, rule: null, variant: null },
  ])("$name → $rule", (row) => {
    const proposal = only([tiktok("t1", { productTitle: "Alpha", ...row.tiktok })], [variant("v1", { productTitle: "Omega", ...row.shopify })]);
    expect(proposal.rule).toBe(row.rule);
    expect(proposal.shopifyVariantId).toBe(row.variant);
    expect(proposal.suggested).toBe(row.variant !== null);
    expect(proposal.conflicts).toEqual([]);
  });

  it("rates rules by confidence", () => {
    const result = proposalsById(
      [tiktok("t1", { sellerSku: "A" }), tiktok("t2", { sellerSku: "b " }), tiktok("t3", { identifierCode: "012345678905" })],
      [variant("v1", { sku: "A" }), variant("v2", { sku: "B" }), variant("v3", { barcode: "012345678905" })],
    );
    expect([...result.values()].map((p) => p.confidence)).toEqual([1, 0.95, 0.9]);
  });

  it("suggests by title and exact option values, never pre-checked", () => {
    const proposals = proposalsById(
      [tiktok("t1", { productTitle: "Linen Shirt Summer Sand", options: size("M") }), tiktok("t2", { productTitle: "Linen Shirt Summer Sand", options: size("XXL") })],
      [
        variant("v1", { productTitle: "Linen Shirt Sand Summer", options: size("S") }),
        variant("v2", { productTitle: "Linen Shirt Sand Summer", options: [{ name: "Größe", value: " m " }] }),
        variant("v3", { productId: "sp2", productTitle: "Wool Beanie", options: size("M") }),
      ],
    );
    expect(proposals.get("t1")).toMatchObject({ shopifyVariantId: "v2", rule: "TITLE_OPTIONS", suggested: false });
    expect(proposals.get("t1")!.confidence).toBeGreaterThan(0);
    expect(proposals.get("t2")).toMatchObject({ shopifyVariantId: null, rule: null, suggested: false });
  });

  it("does not suggest by title when a title shares too little", () => {
    const proposal = only([tiktok("t1", { productTitle: "Linen Shirt Summer Sand Relaxed Fit" })], [variant("v1", { productTitle: "Linen Trousers" })]);
    expect(proposal.rule).toBeNull();
  });

  it("treats Shopify's Default Title option as no options", () => {
    const proposal = only([tiktok("t1", { productTitle: "Canvas Tote" })], [variant("v1", { productTitle: "Canvas Tote", options: [{ name: "Title", value: "Default Title" }] })]);
    expect(proposal).toMatchObject({ shopifyVariantId: "v1", rule: "TITLE_OPTIONS", suggested: false });
  });

  it("never suggests a variant a SKU rule already took or one already mapped", () => {
    const proposals = proposalsById(
      [tiktok("t1", { sellerSku: "A", options: size("M") }), tiktok("t2", { productId: "tp2", productTitle: "Linen Shirt", options: size("M") })],
      [variant("v1", { sku: "A", options: size("M") }), variant("v2", { options: size("M"), mappedFromTikTokSkuId: "t-old" })],
    );
    expect(proposals.get("t1")!.shopifyVariantId).toBe("v1");
    expect(proposals.get("t2")).toMatchObject({ shopifyVariantId: null, rule: null });
  });
});

describe("matchCatalogs conflicts", () => {
  it("a SKU on several Shopify variants picks nothing and lists the candidates", () => {
    const proposal = only([tiktok("t1", { sellerSku: "dup" })], [variant("v1", { sku: "DUP" }), variant("v2", { productId: "sp2", sku: " dup" })]);
    expect(proposal).toMatchObject({ shopifyVariantId: null, rule: "NORMALIZED_SKU", suggested: false, confidence: 0 });
    expect(proposal.conflicts).toEqual([{ kind: "SHARED_BY_SHOPIFY_VARIANTS", on: "sku", value: "dup", shopifyVariantIds: ["v1", "v2"], count: 2 }]);
  });

  it("an exact SKU among case variants is picked but not pre-checked", () => {
    const proposal = only([tiktok("t1", { sellerSku: "DUP" })], [variant("v1", { sku: "dup" }), variant("v2", { sku: "DUP" })]);
    expect(proposal).toMatchObject({ shopifyVariantId: "v2", rule: "EXACT_SKU", suggested: false });
    expect(proposal.conflicts.map((c) => c.kind)).toEqual(["SHARED_BY_SHOPIFY_VARIANTS"]);
  });

  it("a barcode on several Shopify variants picks nothing", () => {
    const proposal = only([tiktok("t1", { identifierCode: "12345678905" })], [variant("v1", { barcode: "012345678905" }), variant("v2", { barcode: "0012345678905" })]);
    expect(proposal).toMatchObject({ shopifyVariantId: null, rule: "BARCODE", suggested: false });
    expect(proposal.conflicts[0]).toMatchObject({ kind: "SHARED_BY_SHOPIFY_VARIANTS", on: "barcode", shopifyVariantIds: ["v1", "v2"] });
  });

  it.each([
    { name: "same SKU", a: { sellerSku: "A" }, b: { sellerSku: "A" }, on: "sku" },
    { name: "same SKU in another case", a: { sellerSku: "A" }, b: { sellerSku: " a" }, on: "sku" },
    { name: "same barcode", a: { identifierCode: "012345678905" }, b: { identifierCode: "0012345678905" }, on: "barcode" },
  ])("a key on several TikTok SKUs ($name) is flagged on each", (row) => {
    const proposals = proposalsById(
      [tiktok("t1", { ...row.a, options: size("S") }), tiktok("t2", { productId: "tp2", ...row.b })],
      [variant("v1", { sku: "A", barcode: "012345678905" })],
    );
    for (const [id, other] of [["t1", "t2"], ["t2", "t1"]] as const) {
      expect(proposals.get(id)).toMatchObject({ shopifyVariantId: "v1", suggested: false });
      expect(proposals.get(id)!.conflicts).toEqual([expect.objectContaining({ kind: "SHARED_BY_TIKTOK_SKUS", on: row.on, tiktokSkuIds: [other], count: 1 })]);
    }
  });

  it("an already mapped TikTok SKU with the same SKU still counts as a duplicate", () => {
    const proposals = proposalsById([tiktok("t1", { sellerSku: "A", mappedVariantId: "v1" }), tiktok("t2", { productId: "tp2", sellerSku: "A" })], [variant("v1", { sku: "A" })]);
    expect(proposals.has("t1")).toBe(false);
    expect(proposals.get("t2")!.conflicts.map((c) => c.kind).sort()).toEqual(["SHARED_BY_TIKTOK_SKUS", "VARIANT_ALREADY_MAPPED"]);
  });

  it("a variant already mapped to another TikTok SKU of the shop is flagged", () => {
    const proposal = only([tiktok("t1", { sellerSku: "A" })], [variant("v1", { sku: "A", mappedFromTikTokSkuId: "t-elsewhere" })]);
    expect(proposal).toMatchObject({ shopifyVariantId: "v1", suggested: false });
    expect(proposal.conflicts).toEqual([{ kind: "VARIANT_ALREADY_MAPPED", tiktokSkuId: "t-elsewhere" }]);
  });

  it("a variant proposed for two TikTok SKUs by different keys is flagged on both", () => {
    const proposals = proposalsById(
      [tiktok("t1", { sellerSku: "A" }), tiktok("t2", { productId: "tp2", identifierCode: "012345678905" })],
      [variant("v1", { sku: "A", barcode: "012345678905" })],
    );
    expect(proposals.get("t1")!.conflicts).toEqual([{ kind: "VARIANT_PROPOSED_TWICE", tiktokSkuIds: ["t2"], count: 1 }]);
    expect(proposals.get("t2")!.conflicts).toEqual([{ kind: "VARIANT_PROPOSED_TWICE", tiktokSkuIds: ["t1"], count: 1 }]);
    expect([...proposals.values()].some((p) => p.suggested)).toBe(false);
  });

  it("a TikTok product whose SKUs map to different Shopify products is flagged and nothing pre-checked", () => {
    const result = matchCatalogs({
      tiktokSkus: [tiktok("t1", { sellerSku: "A", options: size("S") }), tiktok("t2", { sellerSku: "B", options: size("M") })],
      shopifyVariants: [variant("v1", { sku: "A" }), variant("v2", { productId: "sp2", sku: "B" })],
    });
    expect(result.products).toHaveLength(1);
    expect(result.products[0]!.conflicts).toEqual([{ kind: "SPLIT_ACROSS_SHOPIFY_PRODUCTS", shopifyProductIds: ["sp1", "sp2"] }]);
    expect(result.products[0]!.proposals.map((p) => [p.shopifyVariantId, p.suggested])).toEqual([["v1", false], ["v2", false]]);
  });

  it("counts an existing mapping to another Shopify product as a split", () => {
    const result = matchCatalogs({
      tiktokSkus: [tiktok("t1", { sellerSku: "A", mappedVariantId: "v9" }), tiktok("t2", { sellerSku: "B" })],
      shopifyVariants: [variant("v9", { productId: "sp9", mappedFromTikTokSkuId: "t1" }), variant("v2", { sku: "B" })],
    });
    expect(result.products[0]!.conflicts).toEqual([{ kind: "SPLIT_ACROSS_SHOPIFY_PRODUCTS", shopifyProductIds: ["sp9", "sp1"] }]);
  });

  it("a product only partly matched is flagged and nothing pre-checked", () => {
    const result = matchCatalogs({
      tiktokSkus: [tiktok("t1", { sellerSku: "A", options: size("S") }), tiktok("t2", { sellerSku: "MISSING", options: size("XXL") })],
      shopifyVariants: [variant("v1", { sku: "A" })],
    });
    expect(result.products[0]!.conflicts).toEqual([{ kind: "PARTLY_MATCHED", matched: 1, total: 2 }]);
    expect(result.products[0]!.proposals.map((p) => [p.shopifyVariantId, p.suggested])).toEqual([["v1", false], [null, false]]);
  });

  it("already mapped SKUs complete a product: the rest is pre-checked", () => {
    const result = matchCatalogs({
      tiktokSkus: [tiktok("t1", { sellerSku: "A", mappedVariantId: "v1" }), tiktok("t2", { sellerSku: "B" })],
      shopifyVariants: [variant("v1", { sku: "A", mappedFromTikTokSkuId: "t1" }), variant("v2", { sku: "B" })],
    });
    expect(result.products[0]!.conflicts).toEqual([]);
    expect(result.products[0]!.proposals).toEqual([expect.objectContaining({ tiktokSkuId: "t2", shopifyVariantId: "v2", suggested: true })]);
  });

  it("a product with nothing matched is not 'partly matched'", () => {
    const result = matchCatalogs({ tiktokSkus: [tiktok("t1", { sellerSku: "X" }), tiktok("t2", { sellerSku: "Y" })], shopifyVariants: [variant("v1", { sku: "A" })] });
    expect(result.products[0]!.conflicts).toEqual([]);
  });

  it("caps long candidate lists and keeps the full count", () => {
    const variants = Array.from({ length: 30 }, (_, i) => variant(`v${i}`, { productId: `sp${i}`, sku: "SAME" }));
    const proposal = only([tiktok("t1", { sellerSku: "same" })], variants);
    expect(proposal.conflicts[0]).toMatchObject({ kind: "SHARED_BY_SHOPIFY_VARIANTS", count: 30 });
    expect((proposal.conflicts[0] as { shopifyVariantIds: string[] }).shopifyVariantIds).toHaveLength(20);
  });
});

describe("matchCatalogs grouping", () => {
  it("groups by TikTok product in input order, skips fully mapped products, and honours productIds", () => {
    const skus = [
      tiktok("t1", { productId: "tpB", sellerSku: "A" }),
      tiktok("t2", { productId: "tpA", sellerSku: "B" }),
      tiktok("t3", { productId: "tpC", sellerSku: "C", mappedVariantId: "v3" }),
    ];
    const variants = [variant("v1", { sku: "A" }), variant("v2", { sku: "B" }), variant("v3", { sku: "C" })];
    expect(matchCatalogs({ tiktokSkus: skus, shopifyVariants: variants }).products.map((p) => p.tiktokProductId)).toEqual(["tpB", "tpA"]);
    expect(matchCatalogs({ tiktokSkus: skus, shopifyVariants: variants, productIds: new Set(["tpA"]) }).products.map((p) => p.tiktokProductId)).toEqual(["tpA"]);
  });
});

describe("matchCatalogs context SKUs", () => {
  it("flags a variant that a SKU outside productIds would take too, without proposing for it", () => {
    const result = matchCatalogs({
      tiktokSkus: [tiktok("t1", { sellerSku: "A" }), tiktok("t2", { productId: "tp-other", identifierCode: "012345678905" })],
      shopifyVariants: [variant("v1", { sku: "A", barcode: "012345678905" })],
      productIds: new Set(["tp1"]),
    });
    expect(result.products.map((p) => p.tiktokProductId)).toEqual(["tp1"]);
    expect(result.products[0]!.proposals[0]).toMatchObject({ shopifyVariantId: "v1", suggested: false, conflicts: [{ kind: "VARIANT_PROPOSED_TWICE", tiktokSkuIds: ["t2"] }] });
  });
});

describe("keys", () => {
  it.each([
    ["012345678905", "12345678905"],
    ["0012345678905", "12345678905"],
    ["96385074", "96385074"],
    ["1234567", null],
    ["123456789012345", null],
    ["00000000", null],
    ["12-34", null],
    [null, null],
  ])("barcodeKey(%j) = %j", (input, expected) => expect(barcodeKey(input)).toBe(expected));

  it("optionsKey ignores names, order, case and Default Title", () => {
    expect(optionsKey([{ name: "Color", value: "Red" }, { name: "Size", value: "M" }])).toBe(optionsKey([{ name: "size", value: " m" }, { name: "Colour", value: "RED" }]));
    expect(optionsKey([{ name: "Title", value: "Default Title" }])).toBe(optionsKey([]));
  });
});
