import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSandboxServer } from "../sandbox/core/server";
import { startRunner } from "../sandbox/inngest/runner";
import { shopifyModule } from "../sandbox/shopify";
import { tiktokModule } from "../sandbox/tiktok";
import { registerSandboxApps, sandboxPlatformEnv } from "../scripts/lib/sandbox-platforms";
import { startBenchDb } from "./bench-db";
import { result, type BenchResult } from "./types";

// The child process of import.bench.ts (its own process, so the app's modules load with the sandbox's
// environment). Import efficiency and rate-limit use: a full import of N SKUs per side from the sandbox, with the
// calls made against the minimum (search pages + one detail per product on TikTok; bulk run + poll on
// Shopify), and no throttled call. BENCH_IMPORT_SKUS (default 50,000) sets N.
const SKUS = Number(process.env.BENCH_IMPORT_SKUS ?? 50_000);
const APP_URL = "http://127.0.0.1:3998";

async function measure(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-import-"));
  const sandbox = await createSandboxServer({ port: 0, dataDir: path.join(dir, "sandbox"), modules: [tiktokModule, shopifyModule] });
  const runner = await startRunner({ port: 0, appUrl: `${APP_URL}/api/inngest`, dataDir: path.join(dir, "runner"), syncOnStart: false, log: () => {} });
  const credentials = { TIKTOK_APP_KEY: "bench-tiktok", TIKTOK_APP_SECRET: "bench-tiktok-secret-0123", SHOPIFY_CLIENT_ID: "bench-shopify", SHOPIFY_CLIENT_SECRET: "bench-shopify-secret-0123" };
  await registerSandboxApps(sandbox.url, APP_URL, credentials);
  Object.assign(process.env, sandboxPlatformEnv(sandbox.url, credentials), {
    APP_URL,
    INNGEST_DEV: runner.url,
    FERRY_TEST_SANDBOX_URL: sandbox.url,
    TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY ?? "bench:dGVzdC1rZXktMzItYnl0ZXMtZm9yLWVuY3J5cHRpb24=",
    DATABASE_POOL_MAX: "1",
  });
  // Imported only now: the app's modules read the environment (and build the Inngest client) on load.
  const { benchShopifyImport } = await import("../lib/catalog/shopify/bench-import");
  const { benchTikTokImport } = await import("../lib/catalog/tiktok/bench-import");
  const database = await startBenchDb();
  try {
    const tiktok = await benchTikTokImport({ skus: SKUS });
    const shopify = await benchShopifyImport({ variants: SKUS });
    return [
      result({
        name: `TikTok import, ${tiktok.skus.toLocaleString("en-US")} SKUs: calls ÷ minimum`,
        value: tiktok.apiCalls / tiktok.minimumCalls,
        unit: "×",
        target: 1.1,
        detail: `${tiktok.apiCalls} calls (minimum ${tiktok.minimumCalls}), ${tiktok.throttled} throttled, ${(tiktok.ms / 1000).toFixed(1)} s (${Math.round(tiktok.apiCalls / (tiktok.ms / 1000))} calls/s against a 50/s limit)`,
      }),
      result({ name: "TikTok import: throttled calls", value: tiktok.throttled, unit: "calls", target: 0 }),
      result({
        name: `Shopify first import, ${SKUS.toLocaleString("en-US")} variants: calls ÷ minimum`,
        value: shopify.apiCalls / shopify.minimumCalls,
        unit: "×",
        target: 1.1,
        detail: `${shopify.apiCalls} calls (minimum ${shopify.minimumCalls}: bulk run + one poll; the size came with the shop details at connect, so no probe), ${(shopify.ms / 1000).toFixed(1)} s`,
      }),
      result({
        name: `Shopify re-import, ${SKUS.toLocaleString("en-US")} variants: calls ÷ minimum`,
        value: shopify.reimport.apiCalls / shopify.reimport.minimumCalls,
        unit: "×",
        target: 1.1,
        detail: `${shopify.reimport.apiCalls} calls (minimum ${shopify.reimport.minimumCalls}, ${shopify.reimport.strategy}; the size is known from the last import), ${(shopify.reimport.ms / 1000).toFixed(1)} s`,
      }),
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
