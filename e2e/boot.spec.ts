import { spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../lib/db/embedded-postgres";
import { expect, test } from "./support/fixtures";

// The environment is validated when the server starts (instrumentation.ts), not on some later request:
// the production build, started with a bad environment, exits and names what to fix.
const root = path.resolve(__dirname, "..");

test("the app refuses to start with an invalid environment, naming each bad variable", async () => {
  test.setTimeout(90_000);
  const distDir = process.env.E2E_DIST_DIR;
  expect(distDir, "run through `npx playwright test` (its global setup builds the app)").toBeTruthy();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: "too-short",
    INNGEST_DEV: "1",
  };
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  // Knock meanwhile, in case the server defers the hook to its first request.
  const deadline = Date.now() + 60_000;
  let code: number | null | undefined;
  while (code === undefined && Date.now() < deadline) {
    await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1_000) }).catch(() => null);
    code = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 500))]);
  }
  if (code === undefined) child.kill("SIGKILL");
  expect(code, output).toBe(1);
  expect(output).toContain("Ferry cannot start");
  for (const name of ["NEXTAUTH_SECRET", "TOKEN_ENCRYPTION_KEY"]) expect(output).toContain(name);
});
