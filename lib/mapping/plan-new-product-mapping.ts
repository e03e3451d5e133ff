// "Auto-map new products", decided without the database: each SKU of a new TikTok product maps to the
// one live Shopify variant with exactly the same SKU, or the product waits under Needs attention with
// the reason. The bulk flow's conflicts refuse it too: a SKU matched twice on either side, a variant
// mapped to another SKU, SKUs spread over several Shopify products.

export interface NewProductSku {
  id: string;
  sellerSku: string | null;
  mapped: boolean;
}

export interface VariantCandidate {
  id: string;
  sku: string;
  shopifyProductId: string;
  /** Another TikTok SKU of this shop is mapped to it. */
  taken: boolean;
}

export type NewProductPlan =
  | { kind: "map"; pairs: { tiktokSkuId: string; shopifyVariantId: string }[] }
  | { kind: "attention"; pairs: { tiktokSkuId: string; shopifyVariantId: string }[]; reason: string; fix: string }
  | { kind: "nothing" };

const FIX = "Map the remaining SKUs with Map…, or give them the same SKU in Shopify and TikTok.";

/** `variantsBySku`: the live variants of the paired store whose SKU equals a seller SKU of the product. */
export function planNewProductMapping({ skus, variantsBySku }: { skus: NewProductSku[]; variantsBySku: Map<string, VariantCandidate[]> }): NewProductPlan {
  const open = skus.filter((sku) => !sku.mapped);
  if (open.length === 0) return { kind: "nothing" };
  const problems: string[] = [];
  const pairs: { tiktokSkuId: string; shopifyVariantId: string; shopifyProductId: string }[] = [];
  const seenSku = new Map<string, number>();
  for (const sku of open) if (sku.sellerSku) seenSku.set(sku.sellerSku, (seenSku.get(sku.sellerSku) ?? 0) + 1);
  for (const sku of open) {
    const label = sku.sellerSku ? `SKU ${sku.sellerSku}` : "A SKU without a seller SKU";
    if (!sku.sellerSku) {
      problems.push(`${label} cannot be matched.`);
      continue;
    }
    if ((seenSku.get(sku.sellerSku) ?? 0) > 1) {
      problems.push(`${label} appears more than once in this product.`);
      continue;
    }
    const candidates = variantsBySku.get(sku.sellerSku) ?? [];
    if (candidates.length === 0) problems.push(`${label}: no Shopify variant has this SKU.`);
    else if (candidates.length > 1) problems.push(`${label}: ${candidates.length} Shopify variants have this SKU.`);
    else if (candidates[0]!.taken) problems.push(`${label}: its Shopify variant is already mapped to another TikTok SKU.`);
    else pairs.push({ tiktokSkuId: sku.id, shopifyVariantId: candidates[0]!.id, shopifyProductId: candidates[0]!.shopifyProductId });
  }
  if (new Set(pairs.map((pair) => pair.shopifyProductId)).size > 1) {
    return { kind: "attention", pairs: [], reason: "Auto-map: the SKUs match variants of different Shopify products.", fix: "Check the SKUs, then map the product with Map…." };
  }
  const clean = pairs.map(({ tiktokSkuId, shopifyVariantId }) => ({ tiktokSkuId, shopifyVariantId }));
  if (problems.length > 0) return { kind: "attention", pairs: clean, reason: `Auto-map: ${problems.join(" ")}`, fix: FIX };
  return { kind: "map", pairs: clean };
}
