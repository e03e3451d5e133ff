import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded-postgres";
import { productionAppEnv, startPlatformStack } from "../../scripts/lib/app-under-test";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { startService, stopAll, waitForHttp } from "../../scripts/lib/processes";
import { sandboxTokens, scanDatabase, scanText } from "./secrets-scan";
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
  const stack = await startPlatformStack({ dataDir, appUrl, label: "e2e", retryMs: 250 });
  const { runner, sandbox, credentials } = stack;
  const env = productionAppEnv({
    stack,
    dataDir,
    databaseUrl: database.url,
    appUrl,
    label: "e2e",
    // Everything goes to the log file the secrets scan reads; the console gets E2E_LOG_LEVEL and up.
    logLevel: "debug",
    // Its own build folder: a demo serving .next is never rebuilt underneath by the tests.
    distDir: E2E_DIST_DIR,
  });
  await buildIfNeeded(root, env);
  const logFile = path.join(dataDir, "app.log");
  const app = startService("app", process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], env, { logFile, echo: echoAt(process.env.E2E_LOG_LEVEL ?? "warn") });
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
  process.env.E2E_SANDBOX_STATE = path.join(dataDir, "sandbox", "state.json");
  const secrets = [credentials.TIKTOK_APP_SECRET, credentials.SHOPIFY_CLIENT_SECRET, env.NEXTAUTH_SECRET!, env.TOKEN_ENCRYPTION_KEY!.split(":")[1]!];

  return async () => {
    await stopAll();
    await runner.close();
    await sandbox.close();
    try {
      // The whole run's tokens, from the sandbox's state as it was flushed on close.
      const all = [...secrets, ...sandboxTokens(process.env.E2E_SANDBOX_STATE!)];
      const findings = [...(await scanDatabase({ url: database.url, secrets: all })), ...scanText({ text: fs.readFileSync(logFile, "utf8"), where: "the app's log", secrets: all })];
      console.log(`Secrets scan: ${all.length} secrets and tokens searched in every table and ${fs.statSync(logFile).size} bytes of app log: ${findings.length} found.`);
      if (findings.length > 0) throw new Error(`Plaintext secrets found: ${findings.map((f) => `${f.secret} in ${f.where}`).join("; ")}`);
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

const levels = ["debug", "info", "warn", "error"];

// The app's JSON lines at `threshold` and above reach the console; anything else (Next.js's own) does too.
function echoAt(threshold: string) {
  const min = Math.max(0, levels.indexOf(threshold));
  return (line: string) => {
    if (!line.startsWith("{")) return true;
    try {
      return levels.indexOf((JSON.parse(line) as { level?: string }).level ?? "error") >= min;
    } catch {
      return true;
    }
  };
}
