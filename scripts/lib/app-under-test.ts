// What the browser tests and the resilience run start the production app against: the local Inngest
// runner driving its real /api/inngest route, and the platform sandbox with the app registered under
// fresh credentials; then the app's environment for `next start` against both.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createSandboxServer, type SandboxServer } from "../../sandbox/core/server";
import { startRunner, type Runner } from "../../sandbox/inngest/runner";
import { shopifyModule } from "../../sandbox/shopify";
import { tiktokModule } from "../../sandbox/tiktok";
import { registerSandboxApps, sandboxPlatformEnv, type SandboxAppCredentials } from "./sandbox-platforms";

export interface PlatformStack {
  runner: Runner;
  sandbox: SandboxServer;
  credentials: SandboxAppCredentials;
}

/** Fresh app credentials for one run, named after it ("ferry-e2e-tiktok", …). */
export function sandboxCredentials(label: string): SandboxAppCredentials {
  return {
    TIKTOK_APP_KEY: `ferry-${label}-tiktok`,
    TIKTOK_APP_SECRET: randomBytes(16).toString("hex"),
    SHOPIFY_CLIENT_ID: `ferry-${label}-shopify`,
    SHOPIFY_CLIENT_SECRET: randomBytes(16).toString("hex"),
  };
}

export async function startPlatformStack(options: { dataDir: string; appUrl: string; label: string; retryMs: number }): Promise<PlatformStack> {
  const { dataDir, appUrl, retryMs } = options;
  const runner = await startRunner({
    port: 0,
    appUrl: `${appUrl}/api/inngest`,
    dataDir: path.join(dataDir, "runner"),
    backoffBaseMs: retryMs,
    connectRetryMs: retryMs,
    syncRetryMs: retryMs,
    log: () => {},
  });
  // Reached by the app over real HTTP exactly as it would reach the platforms.
  const sandbox = await createSandboxServer({ port: 0, dataDir: path.join(dataDir, "sandbox"), modules: [tiktokModule, shopifyModule] });
  const credentials = sandboxCredentials(options.label);
  await registerSandboxApps(sandbox.url, appUrl, credentials);
  return { runner, sandbox, credentials };
}

/** The production app's environment against the stack, with fresh secrets; `extra` last. */
export function productionAppEnv(options: {
  stack: PlatformStack;
  dataDir: string;
  databaseUrl: string;
  appUrl: string;
  label: string;
  logLevel: string;
  distDir: string;
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv {
  const { stack, appUrl } = options;
  return {
    ...sandboxPlatformEnv(stack.sandbox.url, stack.credentials),
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    // The embedded database serves one query at a time.
    ...(process.env.DATABASE_URL ? {} : { DATABASE_POOL_MAX: "1" }),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: `${options.label}:${randomBytes(32).toString("base64")}`,
    PASSWORD_HASH_ROUNDS: "10",
    LOG_LEVEL: options.logLevel,
    NEXT_TELEMETRY_DISABLED: "1",
    INNGEST_DEV: stack.runner.url,
    NEXT_DIST_DIR: options.distDir,
    ...options.extra,
  };
}
