import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startRunner } from "../sandbox/inngest/runner";
import { registerSandboxApps, sandboxPlatformEnv } from "../scripts/lib/sandbox-platforms";
import { startBenchDb } from "./bench-db";
import { startServerBenchDb } from "./server-bench-db";
import { startSandboxProcess } from "./sandbox-process";
import { result, type BenchResult } from "./types";

// The child process of fulfillment.bench.ts: Shopify fulfillment → TikTok tracking latency over the whole path
// (sandbox webhook → the app's webhook address → the local runner → process-webhook-delivery → sync-fulfillment
// → TikTok), BENCH_FULFILLMENT_ORDERS orders (default 40) one after another.
const ORDERS = Number(process.env.BENCH_FULFILLMENT_ORDERS ?? 40);
const FAULT_ORDERS = Number(process.env.BENCH_FULFILLMENT_FAULT_ORDERS ?? 30);
const PORT = 3996;
const APP_URL = `http://127.0.0.1:${PORT}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-fulfillment-"));
  const sandbox = await startSandboxProcess(path.join(dir, "sandbox"));
  const runner = await startRunner({ port: 0, appUrl: `${APP_URL}/api/inngest`, dataDir: path.join(dir, "runner"), syncOnStart: false, log: () => {} });
  const credentials = { TIKTOK_APP_KEY: "bench-tiktok", TIKTOK_APP_SECRET: "bench-tiktok-secret-0123", SHOPIFY_CLIENT_ID: "bench-shopify", SHOPIFY_CLIENT_SECRET: "bench-shopify-secret-0123" };
  await registerSandboxApps(sandbox.url, APP_URL, credentials);
  Object.assign(process.env, sandboxPlatformEnv(sandbox.url, credentials), {
    APP_URL,
    INNGEST_DEV: runner.url,
    FERRY_TEST_SANDBOX_URL: sandbox.url,
    TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY ?? "bench:dGVzdC1rZXktMzItYnl0ZXMtZm9yLWVuY3J5cHRpb24=",
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
  });
  const { benchFulfillment, benchFulfillmentUnderFaults, startBenchApp } = await import("../lib/fulfillment/bench-fulfillment");
  const database = process.env.DATABASE_URL ? await startServerBenchDb(process.env.DATABASE_URL) : await startBenchDb();
  const app = await startBenchApp(PORT);
  try {
    const synced = await runner.sync();
    if (!synced.ok) throw new Error(`the runner could not sync the app: ${synced.error}`);
    const run = await benchFulfillment({ orders: ORDERS, runnerUrl: runner.url });
    const faults = await benchFulfillmentUnderFaults({ orders: FAULT_ORDERS, runnerUrl: runner.url });
    const p50 = percentile(run.latenciesMs, 50);
    const p95 = percentile(run.latenciesMs, 95);
    return [
      result({
        name: "Shopify fulfillment → TikTok tracking, p95 (local runner)",
        value: p95 / 1000,
        unit: "s",
        target: 3,
        detail: `${run.orders} orders one after another: p50 ${(p50 / 1000).toFixed(2)} s, max ${(Math.max(...run.latenciesMs) / 1000).toFixed(2)} s; ${run.shipCalls} TikTok ship calls`,
      }),
      // Every order shipped once: as many ship calls as orders.
      result({ name: "Shopify fulfillment → TikTok: ship calls beyond one per order", value: run.shipCalls - run.orders, unit: "calls", target: 0 }),
      result({
        name: "fulfillments not on TikTok under faults (errors, 429s, dropped and duplicated webhooks)",
        value: faults.orders - faults.reached,
        unit: "orders",
        target: 0,
        detail: `${faults.reached} of ${faults.orders} reached TikTok, ${faults.successfulShips} successful ship calls, ${faults.webhooksDropped} webhooks dropped, ${faults.backstopRounds} backstop rounds`,
      }),
      result({ name: "fulfillments shipped twice under faults", value: Math.max(0, faults.successfulShips - faults.reached), unit: "ships", target: 0 }),
    ];
  } finally {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
    await database.close();
    await runner.close();
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

measure().then(
  (results) => {
    process.stdout.write(`\nBENCH_RESULTS ${JSON.stringify(results)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
