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

// While the app boots or compiles (a dev server, a proxy in front of it) it may answer 5xx: worth waiting for.
const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export async function syncInBand(engine: Engine, opts: { untilMs?: number } = {}): Promise<SyncResult> {
  const deadline = Date.now() + (opts.untilMs ?? Infinity);
  let delay = engine.options.syncRetryMs;
  for (;;) {
    const res = await callApp(engine.options.appUrl, "PUT", { url: engine.options.appUrl }, { "x-inngest-sync-kind": "in_band" }, {
      signingKey: engine.options.signingKey,
      requestTimeoutMs: engine.options.requestTimeoutMs,
      signal: engine.abort.signal,
    });
    let problem: string;
    if (res.kind === "answer") {
      if (res.status === 200) {
        if (res.signatureError) return fail(engine, `the app's sync answer was rejected: ${res.signatureError}`);
        const body = syncAnswerSchema.safeParse(parseJson(res.text));
        if (!body.success) return fail(engine, `the app's sync answer is not a function list (is INNGEST_ALLOW_IN_BAND_SYNC off? then it registers through /fn/register)`);
        return applyFunctions(engine, body.data.functions, "in_band");
      }
      problem = `the app answered ${res.status}: ${res.text.slice(0, 300)}`;
      // Anything else (401 for a wrong signing key, 404 for a wrong URL) will not change by waiting.
      if (!RETRY_STATUSES.has(res.status)) return fail(engine, problem);
    } else {
      problem = `the app at ${engine.options.appUrl} is unreachable: ${res.error}`;
    }
    if (Date.now() + delay > deadline) return fail(engine, problem);
    engine.log({ level: "warn", msg: "app not ready for sync yet, retrying", url: engine.options.appUrl, error: problem, retryInMs: delay });
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

// setTimeout holds at most 2^31-1 ms (~24.8 days); a monthly or yearly schedule waits longer, in hops.
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `due` once the clock reaches `at`. A wait longer than one timer can hold is split into
 * hops, and every hop re-reads the clock, so nothing fires early.
 */
export function timerUntil(at: number, clock: () => number, due: () => void, track: (t: NodeJS.Timeout | null, previous: NodeJS.Timeout | null) => void): void {
  let current: NodeJS.Timeout | null = null;
  const hop = () => {
    const left = at - clock();
    const previous = current;
    if (left <= 0) {
      current = null;
      track(null, previous);
      due();
      return;
    }
    current = setTimeout(hop, Math.min(left, MAX_TIMER_MS));
    track(current, previous);
  };
  hop();
}

function armCrons(engine: Engine): void {
  for (const t of cronTimers.get(engine) ?? []) clearTimeout(t);
  const timers = new Set<NodeJS.Timeout>();
  cronTimers.set(engine, timers);
  const clock = engine.options.cronClock;
  const track = (t: NodeJS.Timeout | null, previous: NodeJS.Timeout | null) => {
    if (previous) timers.delete(previous);
    if (t) timers.add(t);
  };
  for (const fn of engine.functions.values()) {
    for (const cron of fn.crons) {
      const arm = () => {
        if (engine.closing) return;
        const at = cron.next(clock());
        timerUntil(at, clock, () => {
          if (engine.closing || engine.functions.get(fn.id) !== fn) return;
          // A deterministic id: a second runner process or a restart in the same minute dedupes.
          const event = { name: "inngest/scheduled.timer", data: { cron: cron.source }, id: `cron-${fn.id}-${at}`, ts: at };
          if (engine.state.seenEvents[event.id] === undefined) {
            engine.state.seenEvents[event.id] = Date.now();
            engine.log({ level: "info", msg: "cron fired", fn: fn.id, cron: cron.source, at: new Date(at).toISOString() });
            scheduleFunction(engine, fn, event);
            engine.changed();
          }
          arm();
        }, track);
      };
      arm();
    }
  }
}

export function stopCrons(engine: Engine): void {
  for (const t of cronTimers.get(engine) ?? []) clearTimeout(t);
}
