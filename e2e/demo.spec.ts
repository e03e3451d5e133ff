import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/db/embedded-postgres";
import { expect, test } from "./support/fixtures";

// `npm run demo` as the README gives it, on free ports with a temporary data directory and no
// DATABASE_URL (its embedded PGlite), sharing the browser tests' build folder so nothing is rebuilt.
const root = path.resolve(__dirname, "..");
let demo: ChildProcess | undefined;
let dataDir: string | undefined;
let output = "";

/** Stops the demo as Ctrl+C does (the signal reaches the whole process group) and waits until no process of it is left. */
async function stopDemo(signal: NodeJS.Signals = "SIGINT", timeoutMs = 30_000): Promise<void> {
  const pid = demo?.pid;
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (alive()) {
    if (Date.now() > deadline) {
      process.kill(-pid, "SIGKILL");
      throw new Error(`The demo did not stop within ${timeoutMs / 1000} s of ${signal}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = output.match(pattern);
    if (match) return match;
    if (demo?.exitCode !== null) throw new Error(`The demo exited (code ${demo?.exitCode}) before printing ${pattern}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The demo printed no ${pattern} within ${timeoutMs / 1000} s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.afterAll(async () => {
  await stopDemo("SIGTERM").catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("npm run demo starts everything, signs in the printed demo user, and stops on Ctrl+C", async ({ page }) => {
  test.setTimeout(180_000);
  const distDir = process.env.E2E_DIST_DIR;
  expect(distDir, "run through `npx playwright test` (its global setup builds the app)").toBeTruthy();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-demo-"));
  const [port, dbPort, sandboxPort, runnerPort] = [await freePort(), await freePort(), await freePort(), await freePort()];

  // A shell with nothing configured, as on a fresh clone: no database, no jobs server, no platform keys.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|APP_URL|NEXTAUTH_|INNGEST_|TIKTOK_|SHOPIFY_|SMTP_|NODE_ENV$|PORT$)/.test(name)),
  ) as NodeJS.ProcessEnv;
  Object.assign(env, {
    PORT: String(port),
    EMBEDDED_DB_PORT: String(dbPort),
    SANDBOX_PORT: String(sandboxPort),
    INNGEST_RUNNER_PORT: String(runnerPort),
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: distDir,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  demo = spawn("npm", ["run", "demo"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  demo.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const [, appUrl] = await waitForOutput(/Ferry is running at (http:\/\/127\.0\.0\.1:\d+)/, 150_000);
  expect(appUrl).toBe(`http://127.0.0.1:${port}`);
  expect(output, "the demo rebuilt the app the browser tests had just built").not.toMatch(/Building the app|Sources changed/);
  expect(output).toContain(`data in ${path.join(dataDir, "pglite")}`);
  expect(fs.existsSync(path.join(dataDir, "secrets.json"))).toBe(true);

  const health = await fetch(`${appUrl}/api/health`);
  expect(health.status).toBe(200);

  const [, email, password] = output.match(/Sign in as (\S+) \/ (\S+)/) ?? [];
  expect(email).toBeTruthy();
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email!);
  await page.getByLabel("Password").fill(password!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/demo-store[^/]*/overview$`));

  // Ctrl+C: everything it started goes away, and it does not report the app's exit as a crash.
  await stopDemo("SIGINT");
  for (const servicePort of [port, dbPort, sandboxPort, runnerPort]) expect(await listening(servicePort), `port ${servicePort} still open`).toBe(false);
  expect(output).not.toContain("The app exited");
});
