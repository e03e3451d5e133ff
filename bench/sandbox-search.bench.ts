import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { installedShop, fakeContext, gql, call, SHOP } from "../sandbox/shopify/test-context";
import { api, connectedShop, startKit } from "../sandbox/tiktok/test-kit";
import { median, result, type BenchResult } from "./types";

// Filtered searches against the platform sandbox with large catalogs: a page must cost the same whether the
// filter keeps most of the catalog or almost none of it (issues 3 and 4: "every API call costs O(page)").
// TikTok over HTTP (signing included) with 50,000 products; Shopify in process with 50,000 variants.
async function timedRuns(n: number, work: () => Promise<void>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

async function tiktok(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sandbox-tiktok-"));
  const kit = await startKit(dir);
  try {
    await kit.control("POST", "/__sandbox/config", { tiktok: { rateLimitPerSecond: 100_000 } });
    const { shop, token } = await connectedShop(kit);
    const created: number[] = [];
    for (let batch = 0; batch < 5; batch++) {
      await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 3600 });
      created.push(Math.floor((Date.now() + (batch + 1) * 3600 * 1000) / 1000));
      const products = Array.from({ length: 10_000 }, (_, i) => ({ title: `B${batch} ${i}`, skus: [{ sellerSku: `B${batch}-${i}`, price: "9.00", quantity: 1 }] }));
      await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products });
    }
    const search = (body: Record<string, unknown>) => async () => {
      const r = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "100" }, body });
      if (r.body.code !== 0) throw new Error(JSON.stringify(r.body));
    };
    const all = await timedRuns(5, search({}));
    // the oldest batch only: a filter that rejects 80 % of the shop
    const narrow = await timedRuns(5, search({ create_time_le: created[0]! + 60 }));
    return [
      result({ name: "TikTok product search page, 50k products, create_time window (median of 5)", value: median(narrow), unit: "ms", target: 50, detail: `unfiltered ${median(all).toFixed(1)} ms; runs ${narrow.map((t) => t.toFixed(1)).join("/")}` }),
    ];
  } finally {
    await kit.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function shopify(): Promise<BenchResult[]> {
  const ctx = fakeContext();
  ctx.setConfig({ bucketSize: 1e9, restoreRate: 1e9 });
  const { access_token: token } = await installedShop(ctx);
  for (let batch = 0; batch < 5; batch++) {
    ctx.advance(3600);
    const products = Array.from({ length: 2000 }, (_, i) => ({ title: `P${batch}-${i}`, descriptionHtml: "", variants: Array.from({ length: 5 }, (_, j) => ({ sku: `S-${batch}-${i}-${j}`, price: "1.00", inventoryQuantity: 1 })) }));
    await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, { body: { products } });
  }
  const since = new Date(ctx.now() - 1800 * 1000).toISOString();
  const query = (q: string) => async () => {
    const r = await gql(ctx, token, q);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  };
  const updated = await timedRuns(5, query(`{ products(first: 250, query: "updated_at:>='${since}'") { nodes { id } } }`));
  const byUpdatedAt = await timedRuns(5, query(`{ productVariants(first: 250, query: "updated_at:>='${since}'") { nodes { id sku } } }`));
  const all = await timedRuns(5, query("{ products(first: 250, sortKey: UPDATED_AT) { nodes { id } } }"));
  return [
    result({ name: "Shopify products page, 10k products / 50k variants, updated_at:>= the last batch (median of 5)", value: median(updated), unit: "ms", target: 100, detail: `variants with the same filter ${median(byUpdatedAt).toFixed(1)} ms, unfiltered by UPDATED_AT ${median(all).toFixed(1)} ms` }),
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [...(await tiktok()), ...(await shopify())];
}
