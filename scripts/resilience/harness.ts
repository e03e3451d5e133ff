// The world a resilience run happens in: its own database, the platform sandbox, the local job runner and
// a production build of the app, started as the browser tests start them. The app can be restarted mid-run.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded-postgres";
import { startTestDatabase } from "../../e2e/support/test-database";
import { productionAppEnv, startPlatformStack } from "../lib/app-under-test";
import { buildIfNeeded } from "../lib/build-if-needed";
import { startService, stopAll, waitForHttp } from "../lib/processes";

const root = path.resolve(__dirname, "../..");

export interface Harness {
  appUrl: string;
  sandboxUrl: string;
  env: NodeJS.ProcessEnv;
  restartApp(): Promise<void>;
  sandbox<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(log: (line: string) => void): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-resilience-"));
  const database = await startTestDatabase(dataDir);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const stack = await startPlatformStack({ dataDir, appUrl, label: "resilience", retryMs: 500 });
  const { runner, sandbox } = stack;
  const env = productionAppEnv({
    stack,
    dataDir,
    databaseUrl: database.url,
    appUrl,
    label: "resilience",
    logLevel: "warn",
    // The browser tests' build folder: one build serves both.
    distDir: ".next-test",
    extra: { FERRY_TEST_SANDBOX_URL: sandbox.url },
  });
  log("building the app if needed");
  await buildIfNeeded(root, env);
  const logFile = path.join(dataDir, "app.log");
  const start = () => startService("app", process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], env, { logFile, echo: () => false });
  let app: ChildProcess = start();
  await waitForHttp(`${appUrl}/api/health`, 120_000, app);
  await runner.sync();

  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sandbox.url}${route}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  return {
    appUrl,
    sandboxUrl: sandbox.url,
    env,
    sandbox: call,
    async restartApp() {
      // A hard stop, as a crashed or redeployed instance: requests in flight are lost, the job runner retries them.
      await new Promise<void>((resolve) => {
        app.once("exit", () => resolve());
        app.kill("SIGKILL");
      });
      app = start();
      await waitForHttp(`${appUrl}/api/health`, 120_000, app);
    },
    async close() {
      await stopAll();
      await runner.close();
      await sandbox.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
