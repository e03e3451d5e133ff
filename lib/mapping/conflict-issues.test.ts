import { describe, expect, it } from "vitest";
import { CONFLICT_FIX, conflictIssues } from "./conflict-issues";
import { matchCatalogs, type ShopifyVariantInput, type TikTokSkuInput } from "./match";

const sku = (id: string, productId: string, sellerSku: string | null, extra: Partial<TikTokSkuInput> = {}): TikTokSkuInput => ({ id, productId, productTitle: `Product ${productId}`, sellerSku, identifierCode: null, options: [], ...extra });
const variant = (id: string, productId: string, value: string | null, extra: Partial<ShopifyVariantInput> = {}): ShopifyVariantInput => ({ id, productId, productTitle: `Shopify ${productId}`, sku: value, barcode: null, options: [], ...extra });

function issuesOf(tiktokSkus: TikTokSkuInput[], shopifyVariants: ShopifyVariantInput[]) {
  const result = matchCatalogs({ tiktokSkus, shopifyVariants });
  const skus = new Map(tiktokSkus.map((s) => [s.id, s]));
  return conflictIssues({ result, skus, variantLabel: (id) => `variant ${id}` });
}

describe("conflictIssues: what goes to Needs attention", () => {
  it.each<[string, TikTokSkuInput[], ShopifyVariantInput[], { tiktokProductId: string; reason: RegExp }[]]>([
    ["clean exact matches: nothing", [sku("t1", "p1", "A"), sku("t2", "p1", "B")], [variant("v1", "s1", "A"), variant("v2", "s1", "B")], []],
    ["a SKU on several Shopify variants", [sku("t1", "p1", "A")], [variant("v1", "s1", "A"), variant("v2", "s2", "A")], [{ tiktokProductId: "p1", reason: /^Conflict: SKU A: 2 Shopify variants have the SKU A: variant v1, variant v2/ }]],
    ["a SKU on several TikTok SKUs (each product flagged)", [sku("t1", "p1", "A"), sku("t2", "p2", "a ")], [variant("v1", "s1", "A")], [
      { tiktokProductId: "p1", reason: /SKU A: 1 other TikTok SKU in this shop also has the SKU A/ },
      { tiktokProductId: "p2", reason: /SKU a: 1 other TikTok SKU in this shop also has the SKU a/ },
    ]],
    ["SKUs that would map to different Shopify products", [sku("t1", "p1", "A"), sku("t2", "p1", "B")], [variant("v1", "s1", "A"), variant("v2", "s2", "B")], [{ tiktokProductId: "p1", reason: /would map to 2 different Shopify products/ }]],
    ["a variant already mapped from another SKU", [sku("t1", "p1", "A", { mappedVariantId: null }), sku("t9", "p9", "Z", { mappedVariantId: "v1" })], [variant("v1", "s1", "A")], [{ tiktokProductId: "p1", reason: /already mapped to another TikTok SKU/ }]],
    ["a product only partly matched stays under Unmapped", [sku("t1", "p1", "A"), sku("t2", "p1", "NOPE")], [variant("v1", "s1", "A")], []],
  ])("%s", (_, tiktokSkus, variants, expected) => {
    const issues = issuesOf(tiktokSkus, variants);
    expect(issues.map((issue) => issue.tiktokProductId)).toEqual(expected.map((e) => e.tiktokProductId));
    issues.forEach((issue, i) => {
      expect(issue.reason).toMatch(expected[i]!.reason);
      expect(issue.fix).toBe(CONFLICT_FIX);
    });
  });

  it("names at most three conflicts and counts the rest", () => {
    const tiktokSkus = ["A", "B", "C", "D", "E"].map((s, i) => sku(`t${i}`, "p1", s));
    const variants = ["A", "B", "C", "D", "E"].flatMap((s, i) => [variant(`v${i}a`, "s1", s), variant(`v${i}b`, "s1", s)]);
    const [issue] = issuesOf(tiktokSkus, variants);
    expect(issue!.reason).toMatch(/\(and 2 more\)$/);
  });
});
