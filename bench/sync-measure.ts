import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startRunner } from "../sandbox/inngest/runner";
import { registerSandboxApps, sandboxPlatformEnv } from "../scripts/lib/sandbox-platforms";
import { startBenchDb } from "./bench-db";
import { startSandboxProcess } from "./sandbox-process";
import { startServerBenchDb } from "./server-bench-db";
import { result, type BenchResult } from "./types";

// The child process of sync.bench.ts (its own process, so the app's modules load with the sandbox's environment).
// Product sync of N mapped products (BENCH_SYNC_PRODUCTS, default 5,000) against an in-process sandbox: the
// sandbox's request log gives each TikTok endpoint's calls per second and any throttled call.
const PRODUCTS = Number(process.env.BENCH_SYNC_PRODUCTS ?? 5_000);
const APP_URL = "http://127.0.0.1:3997";
// The sandbox's limit per endpoint, app and shop (sandbox/tiktok/config.ts); the target is 80 % of it.
const SANDBOX_LIMIT = 50;

async function measure(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-sync-"));
  // The sandbox runs in its own process, as TikTok and Shopify do: on one machine it would otherwise take its
  // share of the app's event loop and the figure would measure the stand-in, not the app.
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
  const { benchProductSync } = await import("../lib/product-sync/bench-sync");
  const database = process.env.DATABASE_URL ? await startServerBenchDb(process.env.DATABASE_URL) : await startBenchDb();
  try {
    const run = await benchProductSync({ products: PRODUCTS, concurrency: process.env.BENCH_SYNC_CONCURRENCY ? Number(process.env.BENCH_SYNC_CONCURRENCY) : undefined });
    const busiest = [...run.endpoints].sort((a, b) => b.calls - a.calls);
    const slowest = busiest.reduce((low, e) => (e.perSecond < low.perSecond ? e : low), busiest[0]!);
    const throttled = run.endpoints.reduce((sum, e) => sum + e.throttled, 0);
    const detail = busiest.map((e) => `${e.route.replace("/product/", "")}: ${e.calls} calls, ${e.perSecond.toFixed(1)}/s, ${e.throttled} throttled`).join("; ");
    return [
      result({
        name: `product sync, ${PRODUCTS.toLocaleString("en-US")} products: slowest endpoint's share of the ${SANDBOX_LIMIT}/s limit, inverted`,
        // ≤ 1.25 means ≥ 80 % of the limit (the runner's figures must stay at or below their target).
        value: SANDBOX_LIMIT / slowest.perSecond,
        unit: "×",
        target: 1.25,
        detail: `${(run.ms / 1000).toFixed(1)} s, ${run.synced} synced, ${run.failed} not fully synced; ${detail}`,
      }),
      result({ name: "product sync: throttled calls (429)", value: throttled, unit: "calls", target: 0 }),
    ];
  } finally {
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
