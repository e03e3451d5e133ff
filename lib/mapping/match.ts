import { normalizeSku } from "../catalog/normalize-sku";
import { KeyIndex } from "./key-index";
import { barcodeKey, optionsKey } from "./match-keys";
import {
  CLEAN_RULES,
  CONFLICT_ID_CAP,
  type Conflict,
  type MatchInput,
  type MatchResult,
  type MatchRule,
  type ProductConflict,
  type Proposal,
  type ShopifyVariantInput,
  type TikTokSkuInput,
} from "./match-types";
import { TitleIndex, type TitleCandidate } from "./title-index";

export * from "./match-types";

const CONFIDENCE: Record<MatchRule, number> = { EXACT_SKU: 1, NORMALIZED_SKU: 0.95, BARCODE: 0.9, TITLE_OPTIONS: 0.8 };

function push<K>(index: Map<K, number[]>, key: K | null, value: number): void {
  if (key === null) return;
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

const cap = (ids: string[]) => ids.slice(0, CONFLICT_ID_CAP);

/**
 * Proposes a Shopify variant for every unmapped TikTok SKU: exact seller SKU, then the same SKU
 * after normalization, then barcode/GTIN; title and options only as a suggestion. Conflicts are
 * reported, never resolved: an ambiguous key picks nothing. Pure, and linear in the input: every
 * lookup goes through a hash index built once.
 */
export function matchCatalogs({ tiktokSkus, shopifyVariants, productIds }: MatchInput): MatchResult {
  const variantBySku = new KeyIndex(shopifyVariants.length);
  const variantByBarcode = new KeyIndex(shopifyVariants.length);
  const variantById = new Map<string, number>();
  for (let v = 0; v < shopifyVariants.length; v++) {
    const variant = shopifyVariants[v]!;
    variantById.set(variant.id, v);
    variantBySku.add(normalizeSku(variant.sku), v);
    variantByBarcode.add(barcodeKey(variant.barcode), v);
  }

  const skuKeys: (string | null)[] = new Array(tiktokSkus.length);
  const barcodeKeys: (string | null)[] = new Array(tiktokSkus.length);
  const tiktokBySku = new KeyIndex(tiktokSkus.length);
  const tiktokByBarcode = new KeyIndex(tiktokSkus.length);
  const mappedByTikTok = new Map<string, string>();
  for (let t = 0; t < tiktokSkus.length; t++) {
    const sku = tiktokSkus[t]!;
    tiktokBySku.add((skuKeys[t] = normalizeSku(sku.sellerSku)), t);
    tiktokByBarcode.add((barcodeKeys[t] = barcodeKey(sku.identifierCode)), t);
    if (sku.mappedVariantId) mappedByTikTok.set(sku.mappedVariantId, sku.id);
  }
  const mappedFrom = (v: number) => shopifyVariants[v]!.mappedFromTikTokSkuId ?? mappedByTikTok.get(shopifyVariants[v]!.id) ?? null;

  const groups = new Map<string, number[]>();
  const proposals: (Proposal | undefined)[] = new Array(tiktokSkus.length);
  const picked = new Int32Array(tiktokSkus.length).fill(-1);
  const takenByKey = new Uint8Array(shopifyVariants.length);
  const needsSuggestion: number[] = [];

  // Context SKUs (outside productIds) are matched by key too, so a variant they would take is
  // reported as proposed twice; they get no title suggestion and no group.
  tiktokSkus.forEach((sku, t) => {
    const inScope = !productIds || productIds.has(sku.productId);
    if (inScope) push(groups, sku.productId, t);
    if (sku.mappedVariantId) return;
    const proposal = matchByKeys({ sku, t, skuKey: skuKeys[t]!, barcodeKey: barcodeKeys[t]! });
    if (proposal === null) {
      if (inScope) needsSuggestion.push(t);
      return;
    }
    proposals[t] = proposal;
    if (proposal.shopifyVariantId !== null) {
      picked[t] = variantById.get(proposal.shopifyVariantId)!;
      takenByKey[picked[t]] = 1;
    }
  });

  function matchByKeys(input: { sku: TikTokSkuInput; t: number; skuKey: string | null; barcodeKey: string | null }): Proposal | null {
    const { sku, t, skuKey, barcodeKey } = input;
    // The common case, one variant and one TikTok SKU under the key, allocates no candidate lists.
    const onlySku = variantBySku.single(skuKey);
    if (onlySku >= 0) {
      const rule: MatchRule = shopifyVariants[onlySku]!.sku === sku.sellerSku ? "EXACT_SKU" : "NORMALIZED_SKU";
      return keyProposal({ sku, t, on: "sku", key: skuKey!, candidates: null, pick: onlySku, rule, sharing: tiktokBySku });
    }
    if (variantBySku.count(skuKey) > 1) {
      const bySku = variantBySku.get(skuKey);
      const exact = bySku.filter((v) => shopifyVariants[v]!.sku === sku.sellerSku);
      const rule: MatchRule = exact.length > 0 ? "EXACT_SKU" : "NORMALIZED_SKU";
      return keyProposal({ sku, t, on: "sku", key: skuKey!, candidates: bySku, pick: exact.length === 1 ? exact[0]! : null, rule, sharing: tiktokBySku });
    }
    const onlyBarcode = variantByBarcode.single(barcodeKey);
    if (onlyBarcode >= 0) return keyProposal({ sku, t, on: "barcode", key: barcodeKey!, candidates: null, pick: onlyBarcode, rule: "BARCODE", sharing: tiktokByBarcode });
    if (variantByBarcode.count(barcodeKey) > 1) {
      return keyProposal({ sku, t, on: "barcode", key: barcodeKey!, candidates: variantByBarcode.get(barcodeKey), pick: null, rule: "BARCODE", sharing: tiktokByBarcode });
    }
    return null;
  }

  function keyProposal(input: {
    sku: TikTokSkuInput;
    t: number;
    on: "sku" | "barcode";
    key: string;
    /** null: the key has one variant only. */
    candidates: number[] | null;
    pick: number | null;
    rule: MatchRule;
    sharing: KeyIndex;
  }): Proposal {
    const { sku, on, key, candidates, pick, rule } = input;
    const conflicts: Conflict[] = [];
    if (candidates !== null && candidates.length > 1) {
      const ids = candidates.map((v) => shopifyVariants[v]!.id);
      conflicts.push({ kind: "SHARED_BY_SHOPIFY_VARIANTS", on, value: key, shopifyVariantIds: cap(ids), count: ids.length });
    }
    if (input.sharing.single(key) < 0) {
      const others = input.sharing.get(key).filter((o) => o !== input.t).map((o) => tiktokSkus[o]!.id);
      conflicts.push({ kind: "SHARED_BY_TIKTOK_SKUS", on, value: key, tiktokSkuIds: cap(others), count: others.length });
    }
    const owner = pick === null ? null : mappedFrom(pick);
    if (owner !== null && owner !== sku.id) conflicts.push({ kind: "VARIANT_ALREADY_MAPPED", tiktokSkuId: owner });
    return {
      tiktokSkuId: sku.id,
      shopifyVariantId: pick === null ? null : shopifyVariants[pick]!.id,
      rule,
      confidence: pick === null ? 0 : CONFIDENCE[rule],
      conflicts,
      suggested: false,
    };
  }

  suggestByTitle({ tiktokSkus, shopifyVariants, needsSuggestion, proposals, picked, isTaken: (v) => takenByKey[v] === 1 || mappedFrom(v) !== null });
  flagVariantsProposedTwice({ tiktokSkus, proposals, picked });

  const products = [...groups].map(([tiktokProductId, members]) => {
    const conflicts = productConflicts({ members, tiktokSkus, shopifyVariants, variantById, proposals, picked });
    const rows = members.flatMap((t) => (proposals[t] ? [proposals[t]] : []));
    for (const row of rows) {
      row.suggested = row.rule !== null && CLEAN_RULES.has(row.rule) && row.shopifyVariantId !== null && row.conflicts.length === 0 && conflicts.length === 0;
    }
    return { tiktokProductId, proposals: rows, conflicts };
  });
  return { products: products.filter((product) => product.proposals.length > 0) };
}

function suggestByTitle(input: {
  tiktokSkus: readonly TikTokSkuInput[];
  shopifyVariants: readonly ShopifyVariantInput[];
  needsSuggestion: number[];
  proposals: (Proposal | undefined)[];
  picked: Int32Array;
  isTaken: (variant: number) => boolean;
}): void {
  const { tiktokSkus, shopifyVariants, needsSuggestion, proposals, picked } = input;
  let index: TitleIndex | undefined;
  const candidatesByProduct = new Map<string, TitleCandidate[]>();
  for (const t of needsSuggestion) {
    const sku = tiktokSkus[t]!;
    index ??= new TitleIndex(shopifyVariants);
    let candidates = candidatesByProduct.get(sku.productId);
    if (!candidates) candidatesByProduct.set(sku.productId, (candidates = index.candidates(sku.productTitle)));
    const hit = candidates.length === 0 ? null : index.pickVariant({ candidates, optionsKey: optionsKey(sku.options), isTaken: input.isTaken });
    if (hit) picked[t] = hit.variant;
    proposals[t] = {
      tiktokSkuId: sku.id,
      shopifyVariantId: hit ? shopifyVariants[hit.variant]!.id : null,
      rule: hit ? "TITLE_OPTIONS" : null,
      confidence: hit ? Math.round(CONFIDENCE.TITLE_OPTIONS * hit.score * 100) / 100 : 0,
      conflicts: [],
      suggested: false,
    };
  }
}

function flagVariantsProposedTwice(input: { tiktokSkus: readonly TikTokSkuInput[]; proposals: (Proposal | undefined)[]; picked: Int32Array }): void {
  const byVariant = new Map<number, number[]>();
  input.picked.forEach((v, t) => push(byVariant, v < 0 ? null : v, t));
  for (const proposers of byVariant.values()) {
    if (proposers.length < 2) continue;
    for (const t of proposers) {
      const proposal = input.proposals[t]!;
      if (proposal.conflicts.some((conflict) => conflict.kind === "SHARED_BY_TIKTOK_SKUS")) continue;
      const others = proposers.filter((o) => o !== t).map((o) => input.tiktokSkus[o]!.id);
      proposal.conflicts.push({ kind: "VARIANT_PROPOSED_TWICE", tiktokSkuIds: cap(others), count: others.length });
    }
  }
}

function productConflicts(input: {
  members: number[];
  tiktokSkus: readonly TikTokSkuInput[];
  shopifyVariants: readonly ShopifyVariantInput[];
  variantById: Map<string, number>;
  proposals: (Proposal | undefined)[];
  picked: Int32Array;
}): ProductConflict[] {
  const shopifyProducts = new Set<string>();
  let covered = 0;
  let matchedNow = 0;
  for (const t of input.members) {
    const mappedVariant = input.tiktokSkus[t]!.mappedVariantId;
    const proposal = input.proposals[t];
    let variant: number | undefined;
    if (mappedVariant) {
      covered++;
      variant = input.variantById.get(mappedVariant);
    } else if (proposal && proposal.shopifyVariantId !== null && proposal.rule !== "TITLE_OPTIONS") {
      covered++;
      matchedNow++;
      variant = input.picked[t]!;
    }
    if (variant !== undefined) shopifyProducts.add(input.shopifyVariants[variant]!.productId);
  }
  const conflicts: ProductConflict[] = [];
  if (shopifyProducts.size > 1) conflicts.push({ kind: "SPLIT_ACROSS_SHOPIFY_PRODUCTS", shopifyProductIds: [...shopifyProducts] });
  if (matchedNow > 0 && covered < input.members.length) conflicts.push({ kind: "PARTLY_MATCHED", matched: covered, total: input.members.length });
  return conflicts;
}
