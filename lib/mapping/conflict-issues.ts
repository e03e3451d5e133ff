import { describeConflict, describeProductConflict } from "./describe-match";
import type { Conflict, MatchResult } from "./match-types";

// Which matcher conflicts send a TikTok product to "Needs attention", and in what words. Pure.
// A product only partly matched stays under "Unmapped Products" (its badge says so); a title
// suggestion is a guess, so a conflict on one is not reported here.

const REPORTED: ReadonlySet<Conflict["kind"]> = new Set(["SHARED_BY_TIKTOK_SKUS", "SHARED_BY_SHOPIFY_VARIANTS", "VARIANT_ALREADY_MAPPED", "VARIANT_PROPOSED_TWICE"]);
const MAX_MESSAGES = 3;

export const CONFLICT_FIX =
  "Give each SKU a unique seller SKU and barcode (in TikTok or Shopify), or map the SKUs by hand with Map…; Ferry checks again after each import.";

export interface ConflictIssue {
  tiktokProductId: string;
  reason: string;
  fix: string;
}

export interface ConflictIssuesOptions {
  result: MatchResult;
  /** The TikTok SKUs' own values, for the messages. */
  skus: ReadonlyMap<string, { sellerSku: string | null; identifierCode: string | null }>;
  variantLabel: (id: string) => string;
}

export function conflictIssues({ result, skus, variantLabel }: ConflictIssuesOptions): ConflictIssue[] {
  const issues: ConflictIssue[] = [];
  for (const product of result.products) {
    const messages: string[] = [];
    for (const conflict of product.conflicts) if (conflict.kind === "SPLIT_ACROSS_SHOPIFY_PRODUCTS") messages.push(describeProductConflict(conflict).message);
    for (const proposal of product.proposals) {
      if (proposal.rule === "TITLE_OPTIONS") continue;
      const sku = skus.get(proposal.tiktokSkuId) ?? { sellerSku: null, identifierCode: null };
      const label = sku.sellerSku?.trim() ? `SKU ${sku.sellerSku.trim()}` : sku.identifierCode ? `Barcode ${sku.identifierCode}` : "A SKU";
      for (const conflict of proposal.conflicts) {
        if (!REPORTED.has(conflict.kind)) continue;
        const message = `${label}: ${describeConflict({ conflict, tiktok: sku, variantLabel }).message}`;
        if (!messages.includes(message)) messages.push(message);
      }
    }
    if (messages.length === 0) continue;
    const more = messages.length - MAX_MESSAGES;
    const reason = `Conflict: ${messages.slice(0, MAX_MESSAGES).join(" ")}${more > 0 ? ` (and ${more} more)` : ""}`;
    issues.push({ tiktokProductId: product.tiktokProductId, reason, fix: CONFLICT_FIX });
  }
  return issues;
}
