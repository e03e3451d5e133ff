// Run by bench/orders.bench.ts in its own process: the app (production build), the local job runner and the
// sandbox, as the resilience run starts them, without faults. Measures TikTok webhook → Shopify order latency
// one order at a time, then the time for a burst of orders and the platform calls it made.
import { startHarness } from "../scripts/resilience/harness";
import { setUpTenant } from "../scripts/resilience/tenant";
import { result, type BenchResult } from "./types";

const LATENCY_ORDERS = Number(process.env.BENCH_ORDER_LATENCY_SAMPLES ?? 40);
const BURST = Number(process.env.BENCH_ORDERS ?? 1000);

interface LogRow { seq: number; at: string; platform: string | null; method: string; route: string; shop: string | null; status: number; direction: string }

async function main() {
  const h = await startHarness((line) => console.error(line));
  Object.assign(process.env, h.env);
  try {
    const tenant = await setUpTenant(h, { products: 20 });
    const place = async (i: number) =>
      (await h.sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${tenant.tiktokShopId}/orders`, { lineItems: [{ sellerSku: tenant.skus[i % tenant.skus.length]!, quantity: 1 + (i % 2) }], status: "AWAITING_SHIPMENT" })).orderId;
    const shopifyCount = async () => (await h.sandbox<{ orders: unknown[] }>("GET", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders`)).orders.length;

    // Latency: the order is placed (TikTok sends ORDER_STATUS_CHANGE at once) → its Shopify order exists.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_ORDERS; i++) {
      const began = performance.now();
      const id = await place(i);
      for (;;) {
        const found = (await h.sandbox<{ orders: unknown[] }>("GET", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders?sourceIdentifier=${id}`)).orders.length;
        if (found) break;
        if (performance.now() - began > 60_000) throw new Error(`order ${id} never reached Shopify`);
        await new Promise((r) => setTimeout(r, 25));
      }
      latencies.push(performance.now() - began);
    }
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]!;

    // Burst: N orders placed as fast as the control API takes them, until every one is in Shopify.
    const before = await shopifyCount();
    const { counts } = await h.sandbox<{ counts: { total: number } }>("GET", `/__sandbox/requests?after=${Number.MAX_SAFE_INTEGER}&limit=1`);
    const began = performance.now();
    for (let i = 0; i < BURST; i += 20) await Promise.all(Array.from({ length: Math.min(20, BURST - i) }, (_, k) => place(LATENCY_ORDERS + i + k)));
    for (;;) {
      if ((await shopifyCount()) - before >= BURST) break;
      if (performance.now() - began > 30 * 60_000) throw new Error("the burst did not finish within 30 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
    const burstSeconds = (performance.now() - began) / 1000;
    const rows: LogRow[] = [];
    for (let seq = counts.total; ; ) {
      const page = await h.sandbox<{ rows: LogRow[] }>("GET", `/__sandbox/requests?after=${seq}&limit=5000`);
      rows.push(...page.rows);
      if (page.rows.length < 5000) break;
      seq = page.rows.at(-1)!.seq;
    }
    const tiktok = rows.filter((r) => r.platform === "tiktok" && r.direction === "in" && r.shop === tenant.tiktokShopId);
    const throttled = rows.filter((r) => r.direction === "in" && r.status === 429).length;
    // The busiest second of any one TikTok endpoint (the limit is 50 per endpoint, app and shop).
    const perSecond = new Map<string, number>();
    for (const r of tiktok) {
      const key = `${r.method} ${r.route} ${r.at.slice(0, 19)}`;
      perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
    }
    const busiest = Math.max(0, ...perSecond.values());
    const results: BenchResult[] = [
      result({ name: "orders: TikTok webhook → Shopify order, p95", value: p95 / 1000, unit: "s", target: 3, detail: `${LATENCY_ORDERS} orders one at a time; median ${(latencies[Math.floor(latencies.length / 2)]! / 1000).toFixed(2)} s, max ${(latencies.at(-1)! / 1000).toFixed(2)} s` }),
      result({ name: `orders: ${BURST} orders imported`, value: burstSeconds, unit: "s", target: BURST * 0.5, detail: `${(BURST / burstSeconds).toFixed(1)} orders/s; ${tiktok.length} TikTok calls, ${throttled} answered 429` }),
      result({ name: "orders: busiest second of one TikTok endpoint", value: busiest, unit: "req/s", target: 50, detail: "TikTok allows 50 per endpoint, app and shop" }),
    ];
    console.log(`BENCH_RESULTS ${JSON.stringify(results)}`);
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
