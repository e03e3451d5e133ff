import { matchCatalogs } from "../lib/mapping/match";
import { syntheticCatalog } from "./synthetic-catalog";
import { median, result, type BenchResult } from "./types";

// The pure matcher on 100,000 TikTok SKUs against 100,000 Shopify variants.
export async function run(): Promise<BenchResult[]> {
  const catalog = syntheticCatalog({ skus: 100_000, variants: 100_000 });
  const times: number[] = [];
  let summary = "";
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const matched = matchCatalogs(catalog);
    const ms = performance.now() - start;
    if (i === 0) {
      const rules = new Map<string, number>();
      let checked = 0;
      for (const product of matched.products) {
        for (const proposal of product.proposals) {
          rules.set(String(proposal.rule), (rules.get(String(proposal.rule)) ?? 0) + 1);
          if (proposal.suggested) checked++;
        }
      }
      summary = `cold ${ms.toFixed(0)} ms; ${[...rules].map(([rule, n]) => `${rule} ${n}`).join(", ")}; ${checked} pre-checked`;
    } else times.push(ms);
  }
  return [
    result({
      name: `matcher ${catalog.tiktokSkus.length.toLocaleString("en-US")} TikTok SKUs × ${catalog.shopifyVariants.length.toLocaleString("en-US")} variants (median of 5)`,
      value: median(times),
      unit: "ms",
      target: 1000,
      detail: `runs ${times.map((t) => t.toFixed(0)).join("/")} ms after one warm-up; ${summary}`,
    }),
  ];
}
