import fs from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { inngest } from "@/inngest/client";
import { startRunner } from "../../sandbox/inngest/runner";

// For integration tests of a job: the app's real Inngest function, served by the SDK on a free port
// and run once by the local runner (sandbox/inngest), the way the app runs it. Its steps call lib/
// in this process, so they see the test database (setDbClient(testDb)) and the platform sandbox.

export interface FunctionRun {
  id: string;
  status: string;
  output: unknown;
  error: { message?: string } | null;
  steps: { name: string; status: string; attempts: number; output?: unknown }[];
}

export interface RunFunctionOnceOptions {
  fn: InngestFunction.Any;
  /** Event data for an event-triggered function (a cron function gets its timer event). */
  data?: Record<string, unknown>;
  timeoutMs?: number;
}

const FINISHED = new Set(["Completed", "Failed", "Cancelled"]);

export async function runFunctionOnce({ fn, data, timeoutMs = 60_000 }: RunFunctionOnceOptions): Promise<FunctionRun> {
  const handler = serve({ client: inngest, functions: [fn] }) as RequestListener;
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-run-function-"));
  const runner = await startRunner({
    port: 0,
    appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`,
    dataDir,
    syncOnStart: false,
    backoffBaseMs: 20,
    durationScale: 0.05,
    log: () => {},
  });
  try {
    const synced = await runner.sync();
    if (!synced.ok) throw new Error(`sync failed: ${synced.error}`);
    const invoked = await fetch(`${runner.url}/v0/functions/${encodeURIComponent(fn.id())}/invoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: data ?? {} }),
    });
    const { runId } = (await invoked.json()) as { runId: string | null };
    if (!runId) throw new Error(`the runner did not start ${fn.id()} (HTTP ${invoked.status})`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = (await (await fetch(`${runner.url}/v0/runs/${runId}`)).json()) as FunctionRun;
      if (FINISHED.has(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`${fn.id()} did not finish in ${timeoutMs} ms (status ${run.status})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await runner.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
