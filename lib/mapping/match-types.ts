// Input and output of the pure matcher (lib/mapping/match.ts).

export interface MatchOption {
  name: string;
  value: string;
}

export interface TikTokSkuInput {
  id: string;
  productId: string;
  productTitle: string;
  sellerSku: string | null;
  identifierCode: string | null;
  options: readonly MatchOption[];
  /** Set when this SKU is already mapped: it gets no proposal but still counts for duplicates and its product. */
  mappedVariantId?: string | null;
}

export interface ShopifyVariantInput {
  id: string;
  productId: string;
  productTitle: string;
  sku: string | null;
  barcode: string | null;
  options: readonly MatchOption[];
  /** The TikTok SKU of the same shop this variant is already mapped from, if any. */
  mappedFromTikTokSkuId?: string | null;
}

export type MatchRule = "EXACT_SKU" | "NORMALIZED_SKU" | "BARCODE" | "TITLE_OPTIONS";

export const CLEAN_RULES: ReadonlySet<MatchRule> = new Set(["EXACT_SKU", "NORMALIZED_SKU", "BARCODE"]);

/** Lists of ids in conflicts are capped; `count` is the full number. */
export const CONFLICT_ID_CAP = 20;

export type Conflict =
  | { kind: "SHARED_BY_TIKTOK_SKUS"; on: "sku" | "barcode"; value: string; tiktokSkuIds: string[]; count: number }
  | { kind: "SHARED_BY_SHOPIFY_VARIANTS"; on: "sku" | "barcode"; value: string; shopifyVariantIds: string[]; count: number }
  | { kind: "VARIANT_ALREADY_MAPPED"; tiktokSkuId: string }
  | { kind: "VARIANT_PROPOSED_TWICE"; tiktokSkuIds: string[]; count: number };

export type ProductConflict =
  | { kind: "SPLIT_ACROSS_SHOPIFY_PRODUCTS"; shopifyProductIds: string[] }
  | { kind: "PARTLY_MATCHED"; matched: number; total: number };

export interface Proposal {
  tiktokSkuId: string;
  /** null: no match, or several equally good candidates (see the SHARED_BY_SHOPIFY_VARIANTS conflict). */
  shopifyVariantId: string | null;
  /** null: nothing matched at all. */
  rule: MatchRule | null;
  confidence: number;
  conflicts: Conflict[];
  /** Pre-checked in the review: a SKU or barcode rule, one candidate, no row or product conflict. */
  suggested: boolean;
}

export interface ProductProposals {
  tiktokProductId: string;
  proposals: Proposal[];
  conflicts: ProductConflict[];
}

export interface MatchInput {
  tiktokSkus: readonly TikTokSkuInput[];
  shopifyVariants: readonly ShopifyVariantInput[];
  /** Only these TikTok products get proposals; the other SKUs are context (duplicates). */
  productIds?: ReadonlySet<string>;
}

export interface MatchResult {
  products: ProductProposals[];
}
