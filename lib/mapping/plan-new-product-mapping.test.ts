import { describe, expect, it } from "vitest";
import { planNewProductMapping, type NewProductSku, type VariantCandidate } from "./plan-new-product-mapping";

const variant = (id: string, sku: string, product = "P1", taken = false): VariantCandidate => ({ id, sku, shopifyProductId: product, taken });
const index = (...variants: VariantCandidate[]) => {
  const map = new Map<string, VariantCandidate[]>();
  for (const v of variants) map.set(v.sku, [...(map.get(v.sku) ?? []), v]);
  return map;
};
const sku = (id: string, sellerSku: string | null, mapped = false): NewProductSku => ({ id, sellerSku, mapped });

describe("planNewProductMapping", () => {
  const cases: { name: string; skus: NewProductSku[]; variants: VariantCandidate[]; expected: ReturnType<typeof planNewProductMapping> }[] = [
    { name: "every SKU matches one variant", skus: [sku("s1", "TEE-S"), sku("s2", "TEE-M")], variants: [variant("v1", "TEE-S"), variant("v2", "TEE-M")], expected: { kind: "map", pairs: [{ tiktokSkuId: "s1", shopifyVariantId: "v1" }, { tiktokSkuId: "s2", shopifyVariantId: "v2" }] } },
    { name: "already mapped SKUs are left alone", skus: [sku("s1", "TEE-S", true), sku("s2", "TEE-M")], variants: [variant("v2", "TEE-M")], expected: { kind: "map", pairs: [{ tiktokSkuId: "s2", shopifyVariantId: "v2" }] } },
    { name: "nothing to map", skus: [sku("s1", "TEE-S", true)], variants: [], expected: { kind: "nothing" } },
    {
      name: "no variant has the SKU: the matching SKUs map, the product needs attention",
      skus: [sku("s1", "TEE-S"), sku("s2", "TEE-XL")],
      variants: [variant("v1", "TEE-S")],
      expected: { kind: "attention", pairs: [{ tiktokSkuId: "s1", shopifyVariantId: "v1" }], reason: "Auto-map: SKU TEE-XL: no Shopify variant has this SKU.", fix: expect.any(String) as unknown as string },
    },
    { name: "two variants share the SKU", skus: [sku("s1", "DUP")], variants: [variant("v1", "DUP"), variant("v2", "DUP", "P2")], expected: { kind: "attention", pairs: [], reason: "Auto-map: SKU DUP: 2 Shopify variants have this SKU.", fix: expect.any(String) as unknown as string } },
    { name: "the variant is taken", skus: [sku("s1", "HELD")], variants: [variant("v1", "HELD", "P1", true)], expected: { kind: "attention", pairs: [], reason: "Auto-map: SKU HELD: its Shopify variant is already mapped to another TikTok SKU.", fix: expect.any(String) as unknown as string } },
    { name: "no seller SKU", skus: [sku("s1", null)], variants: [], expected: { kind: "attention", pairs: [], reason: "Auto-map: A SKU without a seller SKU cannot be matched.", fix: expect.any(String) as unknown as string } },
    { name: "the same seller SKU twice in the product", skus: [sku("s1", "TWIN"), sku("s2", "TWIN")], variants: [variant("v1", "TWIN")], expected: { kind: "attention", pairs: [], reason: "Auto-map: SKU TWIN appears more than once in this product. SKU TWIN appears more than once in this product.", fix: expect.any(String) as unknown as string } },
    { name: "SKUs spread over two Shopify products", skus: [sku("s1", "A"), sku("s2", "B")], variants: [variant("v1", "A", "P1"), variant("v2", "B", "P2")], expected: { kind: "attention", pairs: [], reason: "Auto-map: the SKUs match variants of different Shopify products.", fix: expect.any(String) as unknown as string } },
  ];
  it.each(cases)("$name", ({ skus, variants, expected }) => {
    expect(planNewProductMapping({ skus, variantsBySku: index(...variants) })).toEqual(expected);
  });
});
