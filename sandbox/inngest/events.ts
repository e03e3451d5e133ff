// Event intake: 24 h dedupe by id, waking waitForEvent steps, cancelOn, then triggers through
// flow control (rateLimit drops, idempotency, debounce, batchEvents) into new runs.
import { compileCel } from "./cel";
import { keyValue, type CompiledFunction } from "./compile";
import type { Engine } from "./engine";
import { createRun, finishRun, resolveStep } from "./runs";
import { TERMINAL, type EventRecord } from "./types";

const DAY_MS = 24 * 60 * 60_000;

type EventInput = { name: string; id?: string | null; ts?: number | null; data?: Record<string, unknown> | null; [extra: string]: unknown };

export function ingestEvents(engine: Engine, inputs: EventInput[]): string[] {
  const now = Date.now();
  return inputs.map((input) => {
    const event: EventRecord = { ...input, name: input.name, data: input.data ?? {}, id: input.id || engine.newId("evt_"), ts: input.ts || now };
    const seen = engine.state.seenEvents[event.id];
    if (seen !== undefined && now - seen < DAY_MS) {
      engine.log({ level: "info", msg: "duplicate event ignored", event: event.name, id: event.id });
      return event.id;
    }
    engine.state.seenEvents[event.id] = now;
    wakeWaiters(engine, event);
    applyCancelOn(engine, event);
    for (const fn of engine.functions.values()) {
      if (fn.triggers.some((t) => nameMatches(t.event, event.name) && (!t.expr || safeTest(engine, t.expr.test.bind(t.expr), { event })))) {
        scheduleFunction(engine, fn, event);
      }
    }
    engine.changed();
    return event.id;
  });
}

function nameMatches(pattern: string, name: string): boolean {
  return pattern === name || (pattern.endsWith("*") && name.startsWith(pattern.slice(0, -1)));
}

function safeTest(engine: Engine, test: (scope: { event?: unknown; async?: unknown }) => boolean, scope: { event?: unknown; async?: unknown }): boolean {
  try {
    return test(scope);
  } catch (err) {
    engine.log({ level: "warn", msg: "expression failed", error: String(err) });
    return false;
  }
}

function wakeWaiters(engine: Engine, event: EventRecord): void {
  for (const wait of [...engine.state.waits]) {
    if (wait.event !== event.name) continue;
    const run = engine.run(wait.runId);
    if (!run || TERMINAL.has(run.status)) continue;
    if (wait.if && !safeTest(engine, (s) => compileCel(wait.if!).test(s), { event: run.event, async: event })) continue;
    engine.state.waits.splice(engine.state.waits.indexOf(wait), 1);
    engine.removeItem(wait.itemId);
    resolveStep(engine, run, wait.hash, { type: "data", data: event });
  }
}

function applyCancelOn(engine: Engine, event: EventRecord): void {
  for (const run of Object.values(engine.state.runs)) {
    if (TERMINAL.has(run.status)) continue;
    const fn = engine.functions.get(run.functionId);
    const hit = fn?.cancel.find((c) => c.event === event.name
      && (c.timeoutMs === undefined || Date.now() - run.createdAt <= c.timeoutMs)
      && (!c.expr || safeTest(engine, c.expr.test.bind(c.expr), { event: run.event, async: event })));
    if (hit) finishRun(engine, run, "Cancelled", { error: { name: "Cancelled", message: `cancelled by event ${event.name} (${event.id})` } });
  }
}

/** Flow control in front of run creation. */
export function scheduleFunction(engine: Engine, fn: CompiledFunction, event: EventRecord): void {
  const now = Date.now();
  const drop = (why: string) => engine.log({ level: "info", msg: `event skipped: ${why}`, fn: fn.id, event: event.name, id: event.id });
  try {
    if (fn.rateLimit) {
      const bucket = `r:${fn.id}:${keyValue(fn.rateLimit.key, event)}`;
      const hits = (engine.state.windows[bucket] ?? []).filter((t) => now - t < fn.rateLimit!.periodMs);
      engine.state.windows[bucket] = hits;
      if (hits.length >= fn.rateLimit.limit) return drop("rateLimit");
      hits.push(now);
    }
    if (fn.idempotency) {
      const key = `${fn.id}:${keyValue(fn.idempotency, event)}`;
      const at = engine.state.idempotency[key];
      if (at !== undefined && now - at < DAY_MS) return drop("idempotency key already used");
      engine.state.idempotency[key] = now;
    }
    if (fn.debounce) {
      const bucket = `${fn.id}:${keyValue(fn.debounce.key, event)}`;
      const existing = engine.state.debounces[bucket];
      const firstAt = existing?.firstAt ?? now;
      const at = Math.min(now + fn.debounce.periodMs, fn.debounce.timeoutMs !== undefined ? firstAt + fn.debounce.timeoutMs : Infinity);
      if (existing) engine.removeItem(existing.itemId);
      const item = engine.enqueue({ kind: "debounce", bucket, at });
      engine.state.debounces[bucket] = { functionId: fn.id, event, firstAt, itemId: item.id };
      return;
    }
    if (fn.batch) {
      const bucket = `${fn.id}:${keyValue(fn.batch.key, event)}`;
      const batch = engine.state.batches[bucket];
      if (batch) batch.events.push(event);
      else engine.state.batches[bucket] = { functionId: fn.id, events: [event], itemId: engine.enqueue({ kind: "batch", bucket, at: now + fn.batch.timeoutMs }).id };
      if (engine.state.batches[bucket]!.events.length >= fn.batch.maxSize) flushBatch(engine, bucket);
      return;
    }
  } catch (err) {
    engine.log({ level: "error", msg: "flow control key failed", fn: fn.id, error: String(err) });
  }
  createRun(engine, fn, event, [event]);
}

export function fireDebounce(engine: Engine, bucket: string): void {
  const d = engine.state.debounces[bucket];
  if (!d) return;
  delete engine.state.debounces[bucket];
  const fn = engine.functions.get(d.functionId);
  if (fn) createRun(engine, fn, d.event, [d.event]);
}

export function flushBatch(engine: Engine, bucket: string): void {
  const b = engine.state.batches[bucket];
  if (!b) return;
  delete engine.state.batches[bucket];
  engine.removeItem(b.itemId);
  const fn = engine.functions.get(b.functionId);
  if (fn && b.events[0]) createRun(engine, fn, b.events[0], b.events);
}
