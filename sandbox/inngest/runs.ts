// Run lifecycle: creation with its flow-control buckets, resolving pending steps, and the end of
// a run (onFailure via inngest/function.failed, parent invokes, cleanup of its queue and waits).
import { keyValue, type CompiledFunction } from "./compile";
import type { Engine } from "./engine";
import { ingestEvents } from "./events";
import { TERMINAL, type EventRecord, type RunRecord, type RunStatus, type StepState } from "./types";

export function createRun(engine: Engine, fn: CompiledFunction, event: EventRecord, events: EventRecord[], parent?: RunRecord["parent"]): RunRecord {
  const buckets = fn.concurrency.map((c) => {
    const key = keyValue(c.key, event);
    const bucket = c.scope === "fn" ? `c:${fn.id}:${key}` : `c:${c.scope}:${c.key?.source ?? ""}:${key}`;
    return { bucket, limit: c.limit };
  });
  const run: RunRecord = {
    id: engine.newId("run_"),
    functionId: fn.id,
    status: "Queued",
    event,
    events,
    steps: {},
    stack: [],
    pending: {},
    history: [],
    attempts: 0,
    buckets,
    throttle: fn.throttle ? { bucket: `t:${fn.id}:${keyValue(fn.throttle.key, event)}`, limit: fn.throttle.limit + fn.throttle.burst, periodMs: fn.throttle.periodMs } : undefined,
    parent,
    createdAt: Date.now(),
  };
  engine.state.runs[run.id] = run;
  engine.enqueue({ kind: "call", runId: run.id, stepId: "step", attempt: 0, at: Date.now() });
  engine.log({ level: "info", msg: "run queued", run: run.id, fn: fn.id, event: event.name });
  return run;
}

/** Stores a step's result (data or final error) and calls the app again once nothing is pending. */
export function resolveStep(engine: Engine, run: RunRecord, hash: string, state: StepState, proceed = true): void {
  if (TERMINAL.has(run.status)) return;
  if (!(hash in run.steps)) run.stack.push(hash);
  run.steps[hash] = state;
  delete run.pending[hash];
  const h = [...run.history].reverse().find((x) => x.id === hash && !x.endedAt);
  if (h) {
    h.endedAt = Date.now();
    if (state.type === "data") { h.status = "Completed"; h.output = state.data; } else { h.status = "Failed"; h.error = state.error; }
  }
  if (proceed) continueIfSettled(engine, run);
  else engine.changed();
}

export function continueIfSettled(engine: Engine, run: RunRecord): void {
  if (TERMINAL.has(run.status)) return;
  const kinds = Object.values(run.pending);
  if (kinds.length === 0) {
    engine.enqueue({ kind: "call", runId: run.id, stepId: "step", attempt: 0, at: Date.now() });
    run.status = "Running";
  } else if (kinds.every((k) => k === "sleep")) run.status = "Sleeping";
  else if (kinds.every((k) => k === "wait" || k === "sleep" || k === "invoke")) run.status = "Waiting";
  else run.status = "Running";
  engine.changed();
}

export function finishRun(engine: Engine, run: RunRecord, status: RunStatus, result: { output?: unknown; error?: unknown }): void {
  if (TERMINAL.has(run.status)) return;
  run.status = status;
  run.endedAt = Date.now();
  if ("output" in result) run.output = result.output;
  if ("error" in result) run.error = result.error;
  engine.state.queue = engine.state.queue.filter((q) => !("runId" in q) || q.runId !== run.id || engine.inFlight.has(q.id));
  const waits = engine.state.waits.filter((w) => w.runId === run.id);
  engine.state.waits = engine.state.waits.filter((w) => w.runId !== run.id);
  for (const w of waits) engine.removeItem(w.itemId);
  for (const h of run.history) if (!h.endedAt) { h.endedAt = run.endedAt; if (status === "Cancelled") h.status = "Failed"; }
  engine.log({ level: status === "Completed" ? "info" : "warn", msg: `run ${status.toLowerCase()}`, run: run.id, fn: run.functionId, ...(status === "Failed" ? { error: errorMessage(run.error) } : {}) });

  if (run.parent) {
    const parent = engine.run(run.parent.runId);
    const hash = run.parent.hash;
    if (parent && parent.pending[hash] === "invoke") {
      const timeout = engine.state.queue.find((q) => q.kind === "invoke-timeout" && q.runId === parent.id && q.hash === hash);
      if (timeout) engine.removeItem(timeout.id);
      resolveStep(engine, parent, hash, status === "Completed" ? { type: "data", data: run.output ?? null } : { type: "error", error: run.error ?? { name: "Error", message: `invoked run ${run.id} was ${status.toLowerCase()}` } });
    }
  }
  const base = { function_id: run.functionId, run_id: run.id };
  const internal: Array<{ name: string; data: Record<string, unknown> }> = [];
  if (status === "Failed") internal.push({ name: "inngest/function.failed", data: { ...base, error: run.error, event: run.event } });
  if (status === "Cancelled") internal.push({ name: "inngest/function.cancelled", data: { ...base, event: run.event } });
  internal.push({ name: "inngest/function.finished", data: { ...base, ...(status === "Completed" ? { result: run.output ?? null } : { error: run.error ?? null }) } });
  ingestEvents(engine, internal);
  engine.changed();
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return typeof error === "string" ? error : JSON.stringify(error);
}
