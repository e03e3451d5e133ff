import { optionsKey, titleTokens } from "./match-keys";
import type { MatchOption } from "./match-types";

/** What the index needs of a variant (a product title alone works with options []). */
export interface TitledVariant {
  productId: string;
  productTitle: string;
  options: readonly MatchOption[];
}

// Title-and-options suggestions: an inverted token index over Shopify product titles, queried
// rarest token first with a cap on postings read, so a common word ("shirt") never turns one
// lookup into a scan of the whole catalog.
const MAX_POSTING = 500;
const POSTING_BUDGET = 2_000;
const MIN_SCORE = 0.5;
const TOP_PRODUCTS = 3;
const SCORED_CANDIDATES = 50;

interface IndexedProduct {
  id: string;
  tokens: Set<string>;
  variants: number[];
}

export interface TitleCandidate {
  product: number;
  score: number;
}

export class TitleIndex {
  private readonly products: IndexedProduct[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly variantOptionKeys: (string | undefined)[];

  constructor(private readonly variants: readonly TitledVariant[]) {
    this.variantOptionKeys = new Array(variants.length);
    const productIndex = new Map<string, number>();
    variants.forEach((variant, i) => {
      let p = productIndex.get(variant.productId);
      if (p === undefined) {
        p = this.products.length;
        productIndex.set(variant.productId, p);
        const tokens = titleTokens(variant.productTitle);
        this.products.push({ id: variant.productId, tokens: new Set(tokens), variants: [] });
        for (const token of tokens) {
          const posting = this.postings.get(token);
          if (posting) posting.push(p);
          else this.postings.set(token, [p]);
        }
      }
      this.products[p]!.variants.push(i);
    });
  }

  /** The best few Shopify products by token overlap (Jaccard) with a TikTok product title. */
  candidates(title: string): TitleCandidate[] {
    const tokens = titleTokens(title);
    if (tokens.length === 0) return [];
    const lists = tokens
      .map((token) => this.postings.get(token))
      .filter((posting): posting is number[] => posting !== undefined && posting.length <= MAX_POSTING)
      .sort((a, b) => a.length - b.length);
    const overlap = new Map<number, number>();
    let read = 0;
    for (const posting of lists) {
      if (read + posting.length > POSTING_BUDGET) break;
      read += posting.length;
      for (const p of posting) overlap.set(p, (overlap.get(p) ?? 0) + 1);
    }
    // Rare tokens only find candidates; the score compares the whole titles.
    const scored: TitleCandidate[] = [];
    const shortlist = [...overlap].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SCORED_CANDIDATES);
    for (const [product] of shortlist) {
      const other = this.products[product]!.tokens;
      let shared = 0;
      for (const token of tokens) if (other.has(token)) shared++;
      const score = shared / (tokens.length + other.size - shared);
      if (score >= MIN_SCORE) scored.push({ product, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.product - b.product).slice(0, TOP_PRODUCTS);
  }

  productId(candidate: TitleCandidate): string {
    return this.products[candidate.product]!.id;
  }

  /** A variant of the candidate products whose option values equal the SKU's, skipping taken ones. */
  pickVariant(options: { candidates: TitleCandidate[]; optionsKey: string; isTaken: (variant: number) => boolean }): { variant: number; score: number } | null {
    for (const candidate of options.candidates) {
      for (const v of this.products[candidate.product]!.variants) {
        if (options.isTaken(v)) continue;
        const key = (this.variantOptionKeys[v] ??= optionsKey(this.variants[v]!.options));
        if (key === options.optionsKey) return { variant: v, score: candidate.score };
      }
    }
    return null;
  }
}
