import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { serve } from "inngest/node";
import { inngest } from "@/inngest/client";
import { fulfillmentReconcileRequested } from "@/inngest/events";
import { functions } from "@/inngest/index";
import { registerWebhooks } from "../connections/register-webhooks";
import { isAppError } from "../errors";
import { sandboxControl } from "../testing/sandbox-browser";
import { receiveShopifyWebhook } from "../webhooks/receive-shopify-webhook";
import { receiveTikTokWebhook } from "../webhooks/receive-tiktok-webhook";
import { fulfillInShopify, fulfillmentStores, placeOrder, tiktokOrderInSandbox } from "./fulfillment-test-kit";

// `npm run bench -- fulfillment`: Shopify fulfillment → tracking on TikTok, end to end with the local
// runner: the sandbox sends fulfillments/create to the app's webhook address, the app verifies and
// enqueues it, process-webhook-delivery hands it to sync-fulfillment, which ships the TikTok package.
// The figure is the time from the merchant's "fulfill" to the tracking being on the TikTok package.
// Needs what bench/fulfillment-measure.ts sets up: db() on a migrated database, the environment pointed
// at a running sandbox and runner, APP_URL free for the app's two addresses served here.

export interface BenchFulfillmentResult {
  orders: number;
  latenciesMs: number[];
  shipCalls: number;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The app's Inngest endpoint and webhook addresses, as the routes serve them (the same lib/ calls). */
export async function startBenchApp(port: number): Promise<Server> {
  const inngestHandler = serve({ client: inngest, functions }) as RequestListener;
  const server = createServer(async (req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/api/inngest")) return inngestHandler(req, res);
    try {
      const rawBody = await body(req);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      if (url.startsWith("/api/webhooks/shopify")) await receiveShopifyWebhook({ rawBody, headers, endpoint: "main" });
      else if (url.startsWith("/api/webhooks/tiktok")) await receiveTikTokWebhook({ rawBody, authorization: headers.get("authorization") });
      else res.statusCode = 404;
    } catch (error) {
      res.statusCode = isAppError(error) && error.code === "UNAUTHENTICATED" ? 401 : 400;
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function waitIdle(runnerUrl: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { idle } = (await (await fetch(`${runnerUrl}/v0/idle`)).json()) as { idle: boolean };
    if (idle) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function benchFulfillment({ orders, runnerUrl }: { orders: number; runnerUrl: string }): Promise<BenchFulfillmentResult> {
  const kit = await fulfillmentStores();
  // Connecting queued the stores' webhook subscriptions, checks and imports: let them settle first.
  await waitIdle(runnerUrl);
  await registerWebhooks({ organizationId: kit.org.organizationId, connectionId: kit.shopify.connectionId });
  const { counts: before } = await sandboxControl<{ counts: { byRoute: Record<string, number> } }>("GET", "/__sandbox/requests?limit=1");
  const latenciesMs: number[] = [];
  for (let i = 0; i < orders; i++) {
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 1 }, { sku: "HAT", quantity: 1 }]);
    const tracking = `1ZBENCH${String(i).padStart(10, "0")}`;
    const began = performance.now();
    await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: tracking, company: "UPS" });
    for (;;) {
      const tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
      if (tiktok.package_details.some((p) => p.tracking_number === tracking)) break;
      if (performance.now() - began > 60_000) throw new Error(`order ${order.tiktokOrderId}: no tracking on TikTok after 60 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    latenciesMs.push(performance.now() - began);
  }
  await waitIdle(runnerUrl);
  const { counts: after } = await sandboxControl<{ counts: { byRoute: Record<string, number> } }>("GET", "/__sandbox/requests?limit=1");
  const ships = (c: Record<string, number>) => Object.entries(c).filter(([route]) => route.startsWith("tiktok POST /fulfillment/202309/")).reduce((n, [, v]) => n + v, 0);
  return { orders, latenciesMs, shipCalls: ships(after.byRoute) - ships(before.byRoute) };
}

export interface BenchFulfillmentFaultsResult {
  orders: number;
  /** Orders whose tracking is on TikTok in the end. */
  reached: number;
  /** TikTok ship calls that succeeded: one per order when nothing shipped twice. */
  successfulShips: number;
  backstopRounds: number;
  webhooksDropped: number;
}

interface LogRow { seq: number; platform: string | null; method: string; route: string; status: number; code: number | string | null; direction: string }

async function logSince(after: number): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  for (let seq = after; ; ) {
    const page = await sandboxControl<{ rows: LogRow[] }>("GET", `/__sandbox/requests?after=${seq}&limit=5000`);
    rows.push(...page.rows);
    if (page.rows.length < 5000) return rows;
    seq = page.rows.at(-1)!.seq;
  }
}

/**
 * Under faults (TikTok and Shopify answering 10% errors and 10% 429s, 30% of webhooks dropped, 20%
 * delivered twice): every fulfillment reaches TikTok once, through the webhooks that arrive and the
 * backstop for those that do not (its events sent here rather than waiting for the five-minute cron).
 */
export async function benchFulfillmentUnderFaults({ orders, runnerUrl }: { orders: number; runnerUrl: string }): Promise<BenchFulfillmentFaultsResult> {
  const kit = await fulfillmentStores();
  await waitIdle(runnerUrl);
  await registerWebhooks({ organizationId: kit.org.organizationId, connectionId: kit.shopify.connectionId });
  const placed: { tiktokOrderId: string; shopifyOrderId: string; tracking: string }[] = [];
  for (let i = 0; i < orders; i++) placed.push({ ...(await placeOrder(kit, [{ sku: "SCARF", quantity: 1 }])), tracking: `1ZFAULT${String(i).padStart(10, "0")}` });
  const { counts } = await sandboxControl<{ counts: { total: number } }>("GET", `/__sandbox/requests?after=${Number.MAX_SAFE_INTEGER}&limit=1`);
  await sandboxControl("POST", "/__sandbox/faults", { platform: "all", errorRate: 0.1, rateLimitRate: 0.1, webhookDropRate: 0.3, webhookDuplicateRate: 0.2 });
  try {
    for (const order of placed) {
      // The merchant's side is the control API, which faults leave alone.
      await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: order.tracking, company: "UPS" });
    }
    await waitIdle(runnerUrl, 300_000);
    let rounds = 0;
    const reached = async () => {
      let n = 0;
      for (const order of placed) if ((await tiktokOrderInSandbox(order.tiktokOrderId)).package_details.some((p) => p.tracking_number === order.tracking)) n++;
      return n;
    };
    while ((await reached()) < orders && rounds < 6) {
      rounds++;
      await inngest.send(fulfillmentReconcileRequested.create({ organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId }));
      await new Promise((r) => setTimeout(r, 500));
      await waitIdle(runnerUrl, 300_000);
    }
    await sandboxControl("POST", "/__sandbox/faults", { platform: "all", errorRate: 0, rateLimitRate: 0, webhookDropRate: 0, webhookDuplicateRate: 0 });
    const rows = await logSince(counts.total);
    const isShip = (r: LogRow) => r.platform === "tiktok" && r.direction === "in" && r.method === "POST" && /^\/fulfillment\/202309\/(orders\/\{order_id\}\/packages|packages\/\{package_id\}\/ship)$/.test(r.route);
    return {
      orders,
      reached: await reached(),
      successfulShips: rows.filter((r) => isShip(r) && r.status === 200 && Number(r.code) === 0).length,
      backstopRounds: rounds,
      webhooksDropped: rows.filter((r) => r.direction === "out" && r.code === "dropped").length,
    };
  } finally {
    await sandboxControl("POST", "/__sandbox/faults", { platform: "all", errorRate: 0, rateLimitRate: 0, webhookDropRate: 0, webhookDuplicateRate: 0 });
  }
}
