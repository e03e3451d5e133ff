import { db } from "../../db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../../testing/connected-stores";
import { runTikTokImport, sandboxLogMark, sandboxShopCalls, seedSandboxProducts, waitForNextSandboxSecond, sandboxSecond, type SandboxProductSeed } from "./import-test-kit";

// `npm run bench`: a full import of N SKUs from a fresh sandbox shop. Needs what the integration tests
// have: db() installed on a migrated database, and the environment pointed at a running sandbox with the
// app registered (lib/testing/platforms-setup.ts: FERRY_TEST_SANDBOX_URL and the TikTok/Shopify settings).

// Products seeded in one control call share one update_time second; TikTok's search cannot list more than
// 10,000 products of one second, so large catalogs are seeded a second apart in batches under that.
const BATCH_PRODUCTS = 5_000;

export interface BenchTikTokImportOptions {
  skus: number;
  skusPerProduct?: number;
}

export interface BenchTikTokImportResult {
  ms: number;
  /** Every call the sandbox received for the shop during the import, throttled ones included. */
  apiCalls: number;
  /** Search pages plus one detail call per product (identifier_code lives only in detail). */
  minimumCalls: number;
  throttled: number;
  products: number;
  skus: number;
}

export async function benchTikTokImport({ skus, skusPerProduct = 5 }: BenchTikTokImportOptions): Promise<BenchTikTokImportResult> {
  const org = await newOrganization("Bench");
  const shopify = await connectedShopifyStore(org);
  const { shops: [shop] } = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId });
  const products = Math.ceil(skus / skusPerProduct);
  let second = 0;
  for (let start = 0; start < products; start += BATCH_PRODUCTS) {
    if (second) await waitForNextSandboxSecond(second);
    const batch = Array.from({ length: Math.min(BATCH_PRODUCTS, products - start) }, (_, i) => benchProduct({ index: start + i, skus: Math.min(skusPerProduct, skus - (start + i) * skusPerProduct) }));
    await seedSandboxProducts({ shopId: shop!.shopId, products: batch });
    second = await sandboxSecond();
  }

  const mark = await sandboxLogMark();
  const began = performance.now();
  const run = await runTikTokImport({ connectionId: shop!.connectionId });
  const ms = performance.now() - began;
  if (run.status !== "SUCCEEDED") throw new Error(`the bench import ended ${run.status}`);
  const calls = await sandboxShopCalls({ after: mark, shopId: shop!.shopId });
  const cachedSkus = await db().tikTokSku.count({ where: { connectionId: shop!.connectionId } });
  if (cachedSkus !== skus) throw new Error(`the bench import cached ${cachedSkus} of ${skus} SKUs`);
  return {
    ms,
    apiCalls: calls.length,
    minimumCalls: Math.ceil(products / 100) + products,
    throttled: calls.filter((c) => c.status === 429).length,
    products,
    skus,
  };
}

function benchProduct({ index, skus }: { index: number; skus: number }): SandboxProductSeed {
  return {
    title: `Bench product ${index}`,
    skus: Array.from({ length: skus }, (_, k) => ({
      sellerSku: `BENCH-${index}-${k}`,
      price: `${(index % 90) + 9}.99`,
      quantity: (index + k) % 50,
      barcode: String(300_000_000_000 + index * 10 + k),
      salesAttributes: [{ name: "Size", value: `S${k}` }],
    })),
  };
}
