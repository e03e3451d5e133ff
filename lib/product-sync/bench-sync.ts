import { randomUUID } from "node:crypto";
import { db } from "../db";
import { sandboxControl } from "../testing/sandbox-browser";
import { SYNC_CONCURRENCY, syncShopPage } from "./sync-shop-page";
import { createShopifyProducts, enableAutoSync, pairedSandboxStores, type KitProduct } from "./sync-test-kit";

// `npm run bench -- sync`: N mapped products whose TikTok listings differ from Shopify in title, price and stock,
// synced the way the shop job does it, page by page. Needs what the integration tests have (bench/sync-measure.ts
// sets it up): db() on a migrated database, the environment pointed at a running sandbox.

export interface BenchSyncResult {
  products: number;
  ms: number;
  /** Per TikTok endpoint: calls, how many answered 429, and calls per second over the endpoint's busy window. */
  endpoints: { route: string; calls: number; throttled: number; perSecond: number }[];
  synced: number;
  failed: number;
}

interface LogRow { seq: number; at: string; platform: string | null; method: string; route: string; shop: string | null; status: number; direction: string }

export async function benchProductSync({ products: count, concurrency = SYNC_CONCURRENCY }: { products: number; concurrency?: number }): Promise<BenchSyncResult> {
  // A Shopify Plus store: its cost budget restores 1,000 points/s, so Shopify's side never holds TikTok back.
  const { org, shopify, tiktok } = await pairedSandboxStores({ plan: "plus" });
  const shop = tiktok.shops[0]!;
  // Reviews would end mid-run and send webhooks to an app that is not listening: keep them pending.
  await sandboxControl("POST", "/__sandbox/config", { tiktok: { reviewSeconds: 86_400 } });
  const kit: KitProduct[] = Array.from({ length: count }, (_, i) => ({
    title: `Bench Tee ${i}`,
    variants: [{ sku: `BS-${i}-A`, price: "25.00", quantity: 7 }, { sku: `BS-${i}-B`, price: "25.00", quantity: 3 }],
  }));
  const shopifyProducts = await createShopifyProducts({ domain: shopify.domain, products: kit });
  const tiktokProducts: { id: string; skus: { id: string; sellerSku: string }[] }[] = [];
  for (let i = 0; i < count; i += 5000) {
    const answer = await sandboxControl<{ products: typeof tiktokProducts }>("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
      products: kit.slice(i, i + 5000).map((p) => ({ title: `${p.title} (old)`, skus: p.variants.map((v) => ({ sellerSku: v.sku, price: "19.00", quantity: 1 })) })),
    });
    tiktokProducts.push(...answer.products);
  }
  await cacheBulk({ organizationId: org.organizationId, shopifyConnectionId: shopify.connectionId, tiktokConnectionId: shop.connectionId, kit, shopifyProducts, tiktokProducts });
  await enableAutoSync({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId });

  const { counts } = await sandboxControl<{ counts: { total: number } }>("GET", `/__sandbox/requests?after=${Number.MAX_SAFE_INTEGER}&limit=1`);
  const began = performance.now();
  let after: string | null = null;
  let synced = 0;
  let failed = 0;
  do {
    const page = await syncShopPage({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, after, reason: "reconcile", concurrency });
    synced += page.synced;
    failed += page.failed + page.partial;
    after = page.next;
  } while (after);
  const ms = performance.now() - began;
  const rows = await logSince(counts.total);
  return { products: count, ms, endpoints: perEndpoint(rows.filter((r) => r.platform === "tiktok" && r.direction === "in" && r.shop === shop.shopId)), synced, failed };
}

async function logSince(after: number): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  for (let seq = after; ; ) {
    const page = await sandboxControl<{ rows: LogRow[] }>("GET", `/__sandbox/requests?after=${seq}&limit=5000`);
    rows.push(...page.rows);
    if (page.rows.length < 5000) return rows;
    seq = page.rows.at(-1)!.seq;
  }
}

function perEndpoint(rows: LogRow[]): BenchSyncResult["endpoints"] {
  const byRoute = new Map<string, LogRow[]>();
  for (const r of rows) (byRoute.get(`${r.method} ${r.route}`) ?? byRoute.set(`${r.method} ${r.route}`, []).get(`${r.method} ${r.route}`)!).push(r);
  return [...byRoute].map(([route, list]) => {
    const times = list.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
    const seconds = Math.max(0.001, (times.at(-1)! - times[0]!) / 1000);
    return { route, calls: list.length, throttled: list.filter((r) => r.status === 429).length, perSecond: (list.length - 1) / seconds };
  });
}

/** The catalog rows and mappings of N products in a few statements (the per-row kit is too slow at this size). */
async function cacheBulk({ organizationId, shopifyConnectionId, tiktokConnectionId, kit, shopifyProducts, tiktokProducts }: {
  organizationId: string;
  shopifyConnectionId: string;
  tiktokConnectionId: string;
  kit: KitProduct[];
  shopifyProducts: { id: string; variants: { id: string; sku: string }[] }[];
  tiktokProducts: { id: string; skus: { id: string; sellerSku: string }[] }[];
}) {
  const now = new Date();
  const numeric = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
  for (let start = 0; start < kit.length; start += 1000) {
    const sp: object[] = [], sv: object[] = [], tp: object[] = [], ts: object[] = [], maps: object[] = [];
    for (let i = start; i < Math.min(kit.length, start + 1000); i++) {
      const spId = randomUUID(), tpId = randomUUID();
      sp.push({ id: spId, organizationId, connectionId: shopifyConnectionId, externalId: numeric(shopifyProducts[i]!.id), title: kit[i]!.title, status: "ACTIVE", platformUpdatedAt: now });
      tp.push({ id: tpId, organizationId, connectionId: tiktokConnectionId, externalId: tiktokProducts[i]!.id, title: `${kit[i]!.title} (old)`, status: "ACTIVATE", platformUpdatedAt: now });
      kit[i]!.variants.forEach((v, k) => {
        const svId = randomUUID(), tsId = randomUUID();
        sv.push({ id: svId, organizationId, connectionId: shopifyConnectionId, productId: spId, externalId: numeric(shopifyProducts[i]!.variants[k]!.id), title: v.sku, sku: v.sku, options: [], price: v.price, platformUpdatedAt: now });
        ts.push({ id: tsId, organizationId, connectionId: tiktokConnectionId, productId: tpId, externalId: tiktokProducts[i]!.skus[k]!.id, sellerSku: v.sku, options: [], price: "19.00", currency: "USD" });
        maps.push({ organizationId, tiktokConnectionId, shopifyConnectionId, tiktokSkuId: tsId, shopifyVariantId: svId, rule: "EXACT_SKU" });
      });
    }
    await db().shopifyProduct.createMany({ data: sp as never });
    await db().tikTokProduct.createMany({ data: tp as never });
    await db().shopifyVariant.createMany({ data: sv as never });
    await db().tikTokSku.createMany({ data: ts as never });
    await db().mapping.createMany({ data: maps as never });
  }
}
