import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createSandboxServer } from "../../sandbox/core/server";
import { startRunner } from "../../sandbox/inngest/runner";
import { shopifyModule } from "../../sandbox/shopify";
import { tiktokModule } from "../../sandbox/tiktok";
import { registerSandboxApps, sandboxPlatformEnv } from "../../scripts/lib/sandbox-platforms";

// vitest globalSetup: the platform sandbox and a local Inngest runner for integration tests, so
// lib/ code reaches "TikTok" and "Shopify" over real HTTP and its events go to a real event API.
// lib/testing/setup-env.ts points each worker's environment at them.

declare module "vitest" {
  export interface ProvidedContext {
    ferryPlatformEnv: Record<string, string>;
  }
}

export const TEST_APP_URL = "http://127.0.0.1:3999";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-vitest-platforms-"));
  const sandbox = await createSandboxServer({ port: 0, dataDir: path.join(dataDir, "sandbox"), modules: [tiktokModule, shopifyModule] });
  // No app to sync with: events are accepted and kept, which is all lib/ tests need.
  const runner = await startRunner({ port: 0, appUrl: `${TEST_APP_URL}/api/inngest`, dataDir: path.join(dataDir, "runner"), syncOnStart: false, log: () => {} });
  const credentials = {
    TIKTOK_APP_KEY: "ferry-test-tiktok",
    TIKTOK_APP_SECRET: "tiktok-test-secret-0123456789",
    SHOPIFY_CLIENT_ID: "ferry-test-shopify",
    SHOPIFY_CLIENT_SECRET: "shopify-test-secret-0123456789",
  };
  await registerSandboxApps(sandbox.url, TEST_APP_URL, credentials);
  project.provide("ferryPlatformEnv", {
    ...sandboxPlatformEnv(sandbox.url, credentials),
    APP_URL: TEST_APP_URL,
    INNGEST_DEV: runner.url,
    FERRY_TEST_SANDBOX_URL: sandbox.url,
  });
  return async () => {
    await runner.close();
    await sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
