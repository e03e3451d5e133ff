// startRunner: wires the engine, the HTTP API, the startup sync and persistence together.
import type { AddressInfo } from "node:net";
import { Engine, type EngineOptions } from "./engine";
import { handleCall, handleTimer } from "./executor";
import { createRunnerServer } from "./http-server";
import { restoreFunctions, stopCrons, syncInBand, type SyncResult } from "./sync";

export interface RunnerOptions {
  /** Default 8288; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The app's serve endpoint, default http://127.0.0.1:3000/api/inngest. */
  appUrl?: string;
  /** Default .data/runner/ */
  dataDir?: string;
  /** Cloud mode: sign requests to the app and require its signed answers. */
  signingKey?: string;
  /** When set, POST /e/:key requires this key. */
  eventKey?: string;
  /** First retry delay; doubles per attempt. Default 1000 ms. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Delay before retrying a call the app refused (connection refused/reset). Default 1000 ms. */
  connectRetryMs?: number;
  syncRetryMs?: number;
  /** Multiplies every relative duration (sleep, timeouts, periods); tests use < 1. Default 1. */
  durationScale?: number;
  requestTimeoutMs?: number;
  maxInFlight?: number;
  /** The clock cron schedules are read from; default Date.now. Tests shift it to just before a due time. */
  cronClock?: () => number;
  /** In-band sync at start (retried until the app answers). Default true. */
  syncOnStart?: boolean;
  /** Receives one object per log line; default prints JSON to stdout. */
  log?: (line: Record<string, unknown>) => void;
}

export interface Runner {
  url: string;
  engine: Engine;
  /** Resolves when the startup sync finished (immediately when syncOnStart is false). */
  ready: Promise<SyncResult | null>;
  sync(): Promise<SyncResult>;
  close(): Promise<void>;
}

export async function startRunner(options: RunnerOptions = {}): Promise<Runner> {
  const resolved: EngineOptions = {
    appUrl: options.appUrl ?? "http://127.0.0.1:3000/api/inngest",
    dataDir: options.dataDir ?? ".data/runner",
    signingKey: options.signingKey || undefined,
    eventKey: options.eventKey || undefined,
    backoffBaseMs: options.backoffBaseMs ?? 1000,
    backoffMaxMs: options.backoffMaxMs ?? 10 * 60_000,
    connectRetryMs: options.connectRetryMs ?? 1000,
    syncRetryMs: options.syncRetryMs ?? 1000,
    durationScale: options.durationScale ?? 1,
    requestTimeoutMs: options.requestTimeoutMs ?? 5 * 60_000,
    maxInFlight: options.maxInFlight ?? 50,
    cronClock: options.cronClock ?? Date.now,
    log: options.log ?? ((line) => console.log(JSON.stringify(line))),
  };
  const engine = new Engine(resolved, { call: handleCall, timer: handleTimer });
  restoreFunctions(engine);
  const server = createRunnerServer(engine);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8288, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  engine.log({ level: "info", msg: "runner listening", url, app: resolved.appUrl, mode: resolved.signingKey ? "cloud" : "dev", dataDir: resolved.dataDir });
  const ready = options.syncOnStart === false ? Promise.resolve(null) : syncInBand(engine);
  engine.changed();
  return {
    url,
    engine,
    ready,
    sync: () => syncInBand(engine, { untilMs: 60_000 }),
    async close() {
      stopCrons(engine);
      await engine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
