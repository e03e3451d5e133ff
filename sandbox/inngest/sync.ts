// Sync: in-band (PUT to the app, retried until it answers) or out-of-band (the SDK POSTs
// /fn/register). A failed sync keeps the previous functions. Cron triggers are armed here.
import { callApp, parseJson } from "./app-client";
import { compileFunctions } from "./compile";
import type { Engine } from "./engine";
import { scheduleFunction } from "./events";
import { syncAnswerSchema } from "./types";

export interface SyncResult { ok: boolean; functions: string[]; error?: string }

const cronTimers = new WeakMap<Engine, Set<NodeJS.Timeout>>();

/** Installs a function list (from either kind of sync); on error nothing changes. */
export function applyFunctions(engine: Engine, raw: unknown[], source: string): SyncResult {
  try {
    const compiled = compileFunctions(raw, engine.options.durationScale);
    engine.functions = new Map(compiled.map((f) => [f.id, f]));
    engine.state.functions = compiled.map((f) => f.config);
    engine.state.syncedAt = Date.now();
    delete engine.state.syncError;
    armCrons(engine);
    engine.log({ level: "info", msg: "synced", source, functions: compiled.map((f) => f.id) });
    engine.changed();
    return { ok: true, functions: compiled.map((f) => f.id) };
  } catch (err) {
    const error = `sync failed, keeping the previous ${engine.functions.size} function(s): ${(err as Error).message}`;
    engine.state.syncError = error;
    engine.log({ level: "error", msg: "sync failed", source, error });
    engine.changed();
    return { ok: false, functions: [...engine.functions.keys()], error };
  }
}

/** Restores the functions of the last good sync after a restart. */
export function restoreFunctions(engine: Engine): void {
  if (engine.state.functions.length) applyFunctions(engine, engine.state.functions, "stored");
}

export async function syncInBand(engine: Engine, opts: { untilMs?: number } = {}): Promise<SyncResult> {
  const deadline = Date.now() + (opts.untilMs ?? Infinity);
  let delay = engine.options.syncRetryMs;
  for (;;) {
    const res = await callApp(engine.options.appUrl, "PUT", { url: engine.options.appUrl }, { "x-inngest-sync-kind": "in_band" }, {
      signingKey: engine.options.signingKey,
      requestTimeoutMs: engine.options.requestTimeoutMs,
      signal: engine.abort.signal,
    });
    if (res.kind === "answer") {
      if (res.status !== 200) return fail(engine, `the app answered ${res.status}: ${res.text.slice(0, 300)}`);
      if (res.signatureError) return fail(engine, `the app's sync answer was rejected: ${res.signatureError}`);
      const body = syncAnswerSchema.safeParse(parseJson(res.text));
      if (!body.success) return fail(engine, `the app's sync answer is not a function list (is INNGEST_ALLOW_IN_BAND_SYNC off? then it registers through /fn/register)`);
      return applyFunctions(engine, body.data.functions, "in_band");
    }
    if (Date.now() + delay > deadline) return fail(engine, `the app at ${engine.options.appUrl} is unreachable: ${res.error}`);
    engine.log({ level: "warn", msg: "app not answering sync yet, retrying", url: engine.options.appUrl, error: res.error });
    await new Promise((r) => setTimeout(r, delay));
    if (engine.closing) return { ok: false, functions: [], error: "runner closing" };
    delay = Math.min(delay * 2, 10_000);
  }
}

function fail(engine: Engine, message: string): SyncResult {
  const error = `sync failed, keeping the previous ${engine.functions.size} function(s): ${message}`;
  engine.state.syncError = error;
  engine.log({ level: "error", msg: "sync failed", error });
  engine.changed();
  return { ok: false, functions: [...engine.functions.keys()], error };
}

function armCrons(engine: Engine): void {
  for (const t of cronTimers.get(engine) ?? []) clearTimeout(t);
  const timers = new Set<NodeJS.Timeout>();
  cronTimers.set(engine, timers);
  for (const fn of engine.functions.values()) {
    for (const cron of fn.crons) {
      const arm = () => {
        if (engine.closing) return;
        const at = cron.next(Date.now());
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (engine.closing || engine.functions.get(fn.id) !== fn) return;
          // A deterministic id: a second runner process or a restart in the same minute dedupes.
          const event = { name: "inngest/scheduled.timer", data: { cron: cron.source }, id: `cron-${fn.id}-${at}`, ts: at };
          if (engine.state.seenEvents[event.id] === undefined) {
            engine.state.seenEvents[event.id] = Date.now();
            scheduleFunction(engine, fn, event);
            engine.changed();
          }
          arm();
        }, Math.min(at - Date.now(), 2 ** 31 - 1));
        timers.add(timer);
      };
      arm();
    }
  }
}

export function stopCrons(engine: Engine): void {
  for (const t of cronTimers.get(engine) ?? []) clearTimeout(t);
}
