// Shared setup for the runner's tests: a real Inngest SDK app served by inngest/node on an
// ephemeral port, and a runner pointed at it with fast backoffs and scaled-down durations.
import { createServer, type RequestListener, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { startRunner, type Runner, type RunnerOptions } from "./runner";

export const SIGNING_KEY = "signkey-test-" + "ab12".repeat(16);
export const EVENT_KEY = "test-event-key";

export interface TestApp {
  inngest: Inngest;
  runner: Runner;
  appUrl: string;
  logs: Array<Record<string, unknown>>;
  dataDir: string;
  send(events: unknown): Promise<{ ids: string[] }>;
  idle(opts?: { waiting?: boolean }): Promise<void>;
  runs(fn?: string): Promise<RunView[]>;
  run(id: string): Promise<RunView>;
  waitFor<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T>;
  restartRunner(extra?: RunnerOptions): Promise<void>;
  close(): Promise<void>;
}

export interface RunView {
  id: string; functionId: string; status: string; attempts: number; output: unknown; error: { message?: string } | null;
  steps: Array<{ id: string; name: string; status: string; attempts: number; output?: unknown }>; batchSize: number;
  startedAt: string | null; endedAt: string | null; event: { name: string; data: Record<string, unknown> };
}

export async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

export async function setup(
  build: (inngest: Inngest) => InngestFunction.Any[],
  opts: { cloud?: boolean; runner?: RunnerOptions; dataDir?: string } = {},
): Promise<TestApp> {
  let handler: RequestListener = (_req, res) => { res.writeHead(503).end(); };
  const app = await listen((req, res) => handler(req, res));
  const appUrl = `http://127.0.0.1:${app.port}/api/inngest`;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "runner-test-"));
  const logs: Array<Record<string, unknown>> = [];
  const runnerOptions = (extra?: RunnerOptions): RunnerOptions => ({
    port: 0, appUrl, dataDir, syncOnStart: false, backoffBaseMs: 20, connectRetryMs: 20, syncRetryMs: 20,
    durationScale: 0.05, log: (l) => logs.push(l),
    ...(opts.cloud ? { signingKey: SIGNING_KEY, eventKey: EVENT_KEY } : {}),
    ...opts.runner, ...extra,
  });
  let runner = await startRunner(runnerOptions());
  const logger = { info() {}, warn() {}, error() {}, debug() {} };
  const inngest = opts.cloud
    ? new Inngest({ id: "test-app", isDev: false, baseUrl: runner.url, signingKey: SIGNING_KEY, eventKey: EVENT_KEY, logger })
    : new Inngest({ id: "test-app", isDev: true, baseUrl: runner.url, logger });
  handler = serve({ client: inngest, functions: build(inngest) }) as RequestListener;
  const synced = await runner.sync();
  if (!synced.ok) throw new Error(synced.error);

  const get = async <T>(p: string): Promise<T> => (await (await fetch(runner.url + p)).json()) as T;
  const t: TestApp = {
    inngest, appUrl, logs, dataDir,
    get runner() { return runner; },
    send: (events) => inngest.send(events as never) as Promise<{ ids: string[] }>,
    async idle({ waiting = false } = {}) {
      await t.waitFor(async () => (await get<{ idle: boolean }>(`/v0/idle${waiting ? "?waiting=true" : ""}`)).idle, "runner idle");
    },
    runs: async (fn) => (await get<{ runs: RunView[] }>(`/v0/runs?limit=1000${fn ? `&function=${encodeURIComponent(fn)}` : ""}`)).runs,
    run: (id) => get<RunView>(`/v0/runs/${id}`),
    async waitFor(probe, what) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const v = await probe();
        if (v !== undefined && v !== false) return v as never;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async restartRunner(extra) {
      const port = new URL(runner.url).port;
      await runner.close();
      runner = await startRunner(runnerOptions({ port: Number(port), ...extra }));
    },
    async close() {
      await runner.close();
      await closeServer(app.server);
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}
