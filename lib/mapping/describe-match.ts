import type { Conflict, MatchRule, ProductConflict } from "./match-types";

// The words the review dialog shows for a rule and a conflict.

export interface DescribedConflict {
  kind: Conflict["kind"] | ProductConflict["kind"];
  message: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function describeRule({ rule, identifierCode, ambiguous }: { rule: MatchRule | null; identifierCode: string | null; ambiguous: boolean }): string {
  if (rule === null) return "No Shopify variant has this SKU, barcode or a similar title";
  if (ambiguous) return rule === "BARCODE" ? "Several Shopify variants have this barcode" : "Several Shopify variants have this SKU";
  switch (rule) {
    case "EXACT_SKU":
      return "Same SKU";
    case "NORMALIZED_SKU":
      return "Same SKU ignoring case and spaces";
    case "BARCODE":
      return `Same barcode ${identifierCode ?? ""}`.trim();
    case "TITLE_OPTIONS":
      return "Similar title and options";
  }
}

export interface DescribeConflictOptions {
  conflict: Conflict;
  /** The TikTok SKU's own values, shown instead of the normalized keys. */
  tiktok: { sellerSku: string | null; identifierCode: string | null };
  variantLabel: (id: string) => string;
}

export function describeConflict({ conflict, tiktok, variantLabel }: DescribeConflictOptions): DescribedConflict {
  const what = (on: "sku" | "barcode") => (on === "sku" ? `SKU ${(tiktok.sellerSku ?? "").trim()}` : `barcode ${tiktok.identifierCode ?? ""}`);
  switch (conflict.kind) {
    case "SHARED_BY_SHOPIFY_VARIANTS":
      return {
        kind: conflict.kind,
        message:
          `${plural(conflict.count, "Shopify variant")} have the ${what(conflict.on)}: ${conflict.shopifyVariantIds.map(variantLabel).join(", ")}` +
          `${conflict.count > conflict.shopifyVariantIds.length ? ", …" : ""}. Give each a unique ${conflict.on === "sku" ? "SKU" : "barcode"} in Shopify, or map this SKU by hand.`,
      };
    case "SHARED_BY_TIKTOK_SKUS":
      return { kind: conflict.kind, message: `${plural(conflict.count, "other TikTok SKU")} in this shop also ${conflict.count === 1 ? "has" : "have"} the ${what(conflict.on)}.` };
    case "VARIANT_ALREADY_MAPPED":
      return { kind: conflict.kind, message: "This Shopify variant is already mapped to another TikTok SKU of this shop." };
    case "VARIANT_PROPOSED_TWICE":
      return { kind: conflict.kind, message: `This Shopify variant is also proposed for ${plural(conflict.count, "other TikTok SKU")}.` };
  }
}

export function describeProductConflict(conflict: ProductConflict): DescribedConflict {
  switch (conflict.kind) {
    case "SPLIT_ACROSS_SHOPIFY_PRODUCTS":
      return { kind: conflict.kind, message: `The SKUs of this product would map to ${conflict.shopifyProductIds.length} different Shopify products.` };
    case "PARTLY_MATCHED":
      return { kind: conflict.kind, message: `Only ${conflict.matched} of ${plural(conflict.total, "SKU")} have a match; the others would stay unmapped.` };
  }
}
