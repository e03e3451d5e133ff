import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReviewProduct, ReviewRow } from "./product-types";
import { ReviewProductGroup } from "./review-product-group";

const price = { amount: "19.99", currency: "USD" };
const row = (id: string, over: Partial<ReviewRow>): ReviewRow => ({
  tiktokSkuId: id,
  tiktok: { sku: `TEE-${id}`, barcode: null, options: [{ name: "Size", value: id }], price },
  shopify: {
    variantId: `v${id}`,
    productId: "sp",
    productTitle: "Shopify Tee",
    title: id,
    sku: `tee-${id}`,
    barcode: "0123456789012",
    options: [{ name: "Size", value: id }],
    price,
    imageUrl: "https://cdn.example.test/tee.jpg",
  },
  rule: "NORMALIZED_SKU",
  reason: "Same SKU ignoring case and spaces",
  confidence: 0.95,
  conflicts: [],
  checked: true,
  snapshot: "snap",
  ...over,
});

const product: ReviewProduct = {
  tiktokProductId: "p1",
  title: "Classic Tee",
  imageUrl: null,
  alreadyMappedSkus: 1,
  totalSkus: 3,
  conflicts: [{ kind: "PARTLY_MATCHED", message: "Only 1 of 3 SKUs have a match; the others would stay unmapped." }],
  rows: [
    row("S", {}),
    row("M", { shopify: null, rule: null, checked: false, reason: "Several Shopify variants have this SKU", conflicts: [{ kind: "SHARED_BY_SHOPIFY_VARIANTS", message: "2 Shopify variants have the SKU TEE-M." }] }),
  ],
};

describe("ReviewProductGroup", () => {
  const html = renderToStaticMarkup(<ReviewProductGroup product={product} overrides={new Map()} onToggle={() => {}} />);

  it("shows both sides, the reason and every conflict with its message", () => {
    for (const text of ["Classic Tee", "partly mapped", "3 SKUs, 1 already mapped", "TEE-S", "Shopify Tee – S", "tee-S", "19.99 USD", "Same SKU ignoring case and spaces"]) expect(html).toContain(text);
    expect(html).toContain("Only 1 of 3 SKUs have a match");
    expect(html).toContain("2 Shopify variants have the SKU TEE-M.");
    expect(html).toContain("No Shopify variant proposed");
  });

  it("pre-checks the clean match and disables the row without a variant", () => {
    const input = (label: string) => html.match(new RegExp(`<input[^>]*aria-label="${label}"[^>]*>`))?.[0] ?? "";
    expect(input("Map TEE-S of Classic Tee")).toContain('checked=""');
    expect(input("Map TEE-S of Classic Tee")).not.toContain("disabled");
    expect(input("Map TEE-M of Classic Tee")).toContain('disabled=""');
    expect(input("Map TEE-M of Classic Tee")).not.toContain("checked");
  });
});
