import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded-postgres";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { startService, stopAll, waitForHttp } from "../../scripts/lib/processes";
import { createSandboxServer } from "../../sandbox/core/server";
import { startRunner } from "../../sandbox/inngest/runner";
import { shopifyModule } from "../../sandbox/shopify";
import { tiktokModule } from "../../sandbox/tiktok";
import { registerSandboxApps, sandboxPlatformEnv } from "../../scripts/lib/sandbox-platforms";
import { startTestDatabase } from "./test-database";

// Starts the app the tests run against: its own database, its own port, its own data directory.
// It never reuses a running demo.
const root = path.resolve(__dirname, "../..");
export const E2E_DIST_DIR = ".next-test";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-e2e-"));
  const database = await startTestDatabase(dataDir);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // The local Inngest runner drives the app's real /api/inngest route (dev mode, as in the demo).
  const runner = await startRunner({
    port: 0,
    appUrl: `${appUrl}/api/inngest`,
    dataDir: path.join(dataDir, "runner"),
    backoffBaseMs: 200,
    connectRetryMs: 250,
    syncRetryMs: 250,
    log: () => {},
  });
  // The platform sandbox, reached by the app over real HTTP exactly as it would reach the platforms.
  const sandbox = await createSandboxServer({ port: 0, dataDir: path.join(dataDir, "sandbox"), modules: [tiktokModule, shopifyModule] });
  const credentials = {
    TIKTOK_APP_KEY: "ferry-e2e-tiktok",
    TIKTOK_APP_SECRET: randomBytes(16).toString("hex"),
    SHOPIFY_CLIENT_ID: "ferry-e2e-shopify",
    SHOPIFY_CLIENT_SECRET: randomBytes(16).toString("hex"),
  };
  await registerSandboxApps(sandbox.url, appUrl, credentials);
  const env: NodeJS.ProcessEnv = {
    ...sandboxPlatformEnv(sandbox.url, credentials),
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    ...(process.env.DATABASE_URL ? {} : { DATABASE_POOL_MAX: "1" }),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: `e2e:${randomBytes(32).toString("base64")}`,
    PASSWORD_HASH_ROUNDS: "10",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    INNGEST_DEV: runner.url,
    // Its own build folder: a demo serving .next is never rebuilt underneath by the tests.
    NEXT_DIST_DIR: E2E_DIST_DIR,
  };
  await buildIfNeeded(root, env);
  const app = startService("app", process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], env);
  await waitForHttp(`${appUrl}/api/health`, 120_000, app);
  await runner.sync();
  process.env.E2E_BASE_URL = appUrl;
  process.env.E2E_RUNNER_URL = runner.url;
  process.env.E2E_SANDBOX_URL = sandbox.url;
  process.env.E2E_TIKTOK_APP_KEY = credentials.TIKTOK_APP_KEY;
  process.env.E2E_TIKTOK_APP_SECRET = credentials.TIKTOK_APP_SECRET;
  process.env.E2E_SHOPIFY_CLIENT_SECRET = credentials.SHOPIFY_CLIENT_SECRET;
  process.env.E2E_DATABASE_URL = database.url;
  process.env.E2E_DIST_DIR = E2E_DIST_DIR;

  return async () => {
    await stopAll();
    await runner.close();
    await sandbox.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
