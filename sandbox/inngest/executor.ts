// The invoke loop: one call to the app per queue item, then the answer's opcodes decide what
// happens next (store a step, retry with backoff, plan parallel steps, sleep, wait, invoke).
import { callApp, parseJson } from "./app-client";
import { compileCel } from "./cel";
import { retryAfterMs, sleepTarget } from "./duration";
import type { Engine } from "./engine";
import { fireDebounce, flushBatch } from "./events";
import { continueIfSettled, createRun, errorMessage, finishRun, resolveStep } from "./runs";
import { TERMINAL, type QueueItem, type RunRecord, type StepHistory } from "./types";

type CallItem = Extract<QueueItem, { kind: "call" }>;
interface Op { id: string; op: string; name?: string; displayName?: string; data?: unknown; error?: unknown; opts?: Record<string, unknown> }

export async function handleCall(engine: Engine, queued: QueueItem): Promise<void> {
  const item = queued as CallItem;
  const run = engine.run(item.runId)!;
  const fn = engine.functions.get(run.functionId);
  if (!fn) {
    engine.removeItem(item.id);
    finishRun(engine, run, "Failed", { error: { name: "Error", message: `function "${run.functionId}" is not in the last sync` } });
    return;
  }
  if (!run.startedAt) run.startedAt = Date.now();
  if (run.status === "Queued") run.status = "Running";
  const url = new URL(fn.url);
  url.searchParams.set("fnId", fn.id);
  url.searchParams.set("stepId", item.stepId);
  const body = {
    event: run.event,
    events: run.events,
    steps: run.steps,
    version: 2,
    ctx: {
      run_id: run.id,
      attempt: item.attempt,
      max_attempts: fn.maxAttempts,
      disable_immediate_execution: false,
      use_api: false,
      stack: { stack: run.stack, current: Math.max(run.stack.length - 1, 0) },
    },
  };
  const started = Date.now();
  const res = await callApp(url.href, "POST", body, { "x-run-id": run.id }, {
    signingKey: engine.options.signingKey,
    requestTimeoutMs: engine.options.requestTimeoutMs,
    signal: engine.abort.signal,
  });
  if (engine.closing) return;
  const ms = Date.now() - started;
  if (TERMINAL.has(run.status)) { engine.removeItem(item.id); return; }

  if (res.kind === "unreachable" && !res.timedOut) {
    // The app is restarting or not up yet: try again without spending an attempt.
    item.at = Date.now() + engine.options.connectRetryMs;
    engine.log({ level: "warn", msg: "app unreachable, will retry", run: run.id, fn: fn.id, error: res.error });
    return;
  }
  engine.removeItem(item.id);
  try {
    handleAnswer(engine, run, item, res, ms);
  } catch (err) {
    // The queue item is gone: a run left as it is would stay Running forever.
    const message = `the runner could not process the app's answer: ${(err as Error).message}`;
    logStep(engine, run, item, { op: "RunnerError", status: "Failed", ms, error: message });
    finishRun(engine, run, "Failed", { error: { name: "Error", message } });
  }
}

function handleAnswer(engine: Engine, run: RunRecord, item: CallItem, res: Awaited<ReturnType<typeof callApp>>, ms: number): void {
  if (res.kind === "unreachable") return retry(engine, run, item, { name: "Error", message: `request timed out: ${res.error}` }, null, ms);
  if (res.signatureError) return retry(engine, run, item, { name: "Error", message: `rejected the app's answer (HTTP ${res.status}): ${res.signatureError}` }, null, ms);
  const answer = parseJson(res.text);
  if (res.status === 200) {
    logStep(engine, run, item, { op: "RunComplete", status: "Completed", ms });
    return finishRun(engine, run, "Completed", { output: answer });
  }
  if (res.status === 206 && Array.isArray(answer)) return handleOps(engine, run, item, answer as Op[], res.headers, ms);
  const noRetry = res.headers.get("x-inngest-no-retry") === "true";
  if (res.status === 400 && noRetry) {
    logStep(engine, run, item, { op: "FunctionFailed", status: "Failed", ms, error: errorMessage(answer) });
    return finishRun(engine, run, "Failed", { error: answer });
  }
  retry(engine, run, item, answer, res.headers.get("retry-after"), ms);
}

function backoff(engine: Engine, attempt: number, retryAfter: string | null): number {
  const hinted = retryAfterMs(retryAfter, Date.now());
  if (hinted !== null) return hinted;
  return Math.min(engine.options.backoffBaseMs * 2 ** attempt, engine.options.backoffMaxMs);
}

/** A retriable failure of the function (or of one step when stepId names it). */
function retry(engine: Engine, run: RunRecord, item: CallItem, error: unknown, retryAfter: string | null, ms: number): void {
  const fn = engine.functions.get(run.functionId)!;
  if (item.attempt + 1 >= fn.maxAttempts) {
    logStep(engine, run, item, { op: "FunctionError", status: "Failed", ms, error: errorMessage(error) });
    return finishRun(engine, run, "Failed", { error });
  }
  // Counts retries only: the view adds the first attempt, so a run called twice shows 2.
  run.attempts++;
  const delay = backoff(engine, item.attempt, retryAfter);
  logStep(engine, run, item, { op: "FunctionError", status: "Retrying", ms, error: errorMessage(error), retryInMs: delay });
  engine.enqueue({ kind: "call", runId: run.id, stepId: item.stepId, attempt: item.attempt + 1, at: Date.now() + delay });
}

function handleOps(engine: Engine, run: RunRecord, item: CallItem, ops: Op[], headers: Headers, ms: number): void {
  const now = Date.now();
  const scale = engine.options.durationScale;
  const fn = engine.functions.get(run.functionId)!;
  for (const op of ops) {
    const name = op.displayName ?? op.name ?? op.id;
    const history = (status: StepHistory["status"]): StepHistory => {
      const prior = [...run.history].reverse().find((h) => h.id === op.id && !h.endedAt);
      if (prior) { prior.status = status; prior.attempts = item.attempt + 1; return prior; }
      const h: StepHistory = { id: op.id, name, op: op.op, status, attempts: item.attempt + 1, startedAt: now };
      run.history.push(h);
      return h;
    };
    switch (op.op) {
      case "StepRun":
        history("Running");
        logStep(engine, run, item, { op: op.op, step: name, status: "Completed", ms });
        resolveStep(engine, run, op.id, { type: "data", data: op.data ?? null }, false);
        break;
      case "StepFailed":
        history("Running");
        logStep(engine, run, item, { op: op.op, step: name, status: "Failed", ms, error: errorMessage(op.error) });
        resolveStep(engine, run, op.id, { type: "error", error: op.error }, false);
        break;
      case "StepError": {
        const h = history("Retrying");
        h.error = op.error;
        if (item.attempt + 1 >= fn.maxAttempts) {
          logStep(engine, run, item, { op: op.op, step: name, status: "Failed", ms, error: errorMessage(op.error) });
          resolveStep(engine, run, op.id, { type: "error", error: op.error }, false);
          break;
        }
        run.attempts++;
        const delay = backoff(engine, item.attempt, headers.get("retry-after"));
        logStep(engine, run, item, { op: op.op, step: name, status: "Retrying", ms, error: errorMessage(op.error), retryInMs: delay });
        run.pending[op.id] = "step";
        engine.enqueue({ kind: "call", runId: run.id, stepId: op.id, attempt: item.attempt + 1, at: now + delay });
        break;
      }
      case "StepPlanned":
        history("Running");
        run.pending[op.id] = "step";
        engine.enqueue({ kind: "call", runId: run.id, stepId: op.id, attempt: 0, at: now });
        break;
      case "Sleep": {
        const until = String(op.name ?? op.opts?.duration ?? "0s");
        const at = attempt(() => sleepTarget(until, now, scale));
        if (!at.ok) return failRun(engine, run, item, name, `step.sleep "${name}": ${at.error}`);
        history("Sleeping");
        run.pending[op.id] = "sleep";
        engine.enqueue({ kind: "sleep", runId: run.id, hash: op.id, at: at.value });
        logStep(engine, run, item, { op: op.op, step: name, status: "Sleeping", until: op.name });
        break;
      }
      case "WaitForEvent": {
        const condition = typeof op.opts?.if === "string" ? op.opts.if : undefined;
        const compiled = attempt(() => condition && compileCel(condition));
        if (!compiled.ok) return failRun(engine, run, item, name, `step.waitForEvent "${name}": the if expression "${condition}" is not supported: ${compiled.error}`);
        const at = attempt(() => sleepTarget(String(op.opts?.timeout ?? "1y"), now, scale));
        if (!at.ok) return failRun(engine, run, item, name, `step.waitForEvent "${name}": timeout ${at.error}`);
        history("Waiting");
        run.pending[op.id] = "wait";
        const timeout = engine.enqueue({ kind: "wait-timeout", runId: run.id, hash: op.id, at: at.value });
        engine.state.waits.push({ runId: run.id, hash: op.id, event: String(op.name), if: condition, createdAt: now, itemId: timeout.id });
        logStep(engine, run, item, { op: op.op, step: name, status: "Waiting", event: op.name });
        break;
      }
      case "InvokeFunction": {
        const timeout = attempt(() => (typeof op.opts?.timeout === "string" ? sleepTarget(op.opts.timeout, now, scale) : undefined));
        if (!timeout.ok) return failRun(engine, run, item, name, `step.invoke "${name}": timeout ${timeout.error}`);
        history("Invoking");
        run.pending[op.id] = "invoke";
        invokeChild(engine, run, op, now, timeout.value);
        logStep(engine, run, item, { op: op.op, step: name, status: "Invoking", function: op.opts?.function_id });
        break;
      }
      default:
        return failRun(engine, run, item, name, `the local runner does not support opcode ${op.op}`);
    }
  }
  continueIfSettled(engine, run);
}

/** Reads something the app asked for (a duration, an expression), or says why it cannot. */
function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: read() };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** The app asked for something the runner cannot do: fail the run with the reason (onFailure runs). */
function failRun(engine: Engine, run: RunRecord, item: CallItem, step: string, message: string): void {
  logStep(engine, run, item, { step, status: "Failed", error: message });
  finishRun(engine, run, "Failed", { error: { name: "Error", message } });
}

function invokeChild(engine: Engine, run: RunRecord, op: Op, now: number, timeoutAt: number | undefined): void {
  const target = String(op.opts?.function_id ?? "");
  const fn = engine.functions.get(target);
  const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown> };
  if (!fn) {
    resolveStep(engine, run, op.id, { type: "error", error: { name: "Error", message: `cannot invoke unknown function "${target}"` } }, false);
    return;
  }
  const event = { name: "inngest/function.invoked", data: payload.data ?? {}, id: engine.newId("evt_"), ts: now };
  createRun(engine, fn, event, [event], { runId: run.id, hash: op.id });
  if (timeoutAt !== undefined) engine.enqueue({ kind: "invoke-timeout", runId: run.id, hash: op.id, at: timeoutAt });
}

export function handleTimer(engine: Engine, item: QueueItem): void {
  if (item.kind === "debounce") return fireDebounce(engine, item.bucket);
  if (item.kind === "batch") return flushBatch(engine, item.bucket);
  if (item.kind === "call") return;
  const run = engine.run(item.runId);
  if (!run || TERMINAL.has(run.status) || !(item.hash in run.pending)) return;
  if (item.kind === "sleep") return resolveStep(engine, run, item.hash, { type: "data", data: null });
  if (item.kind === "wait-timeout") {
    engine.state.waits = engine.state.waits.filter((w) => !(w.runId === run.id && w.hash === item.hash));
    return resolveStep(engine, run, item.hash, { type: "data", data: null });
  }
  resolveStep(engine, run, item.hash, { type: "error", error: { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" } });
}

function logStep(engine: Engine, run: RunRecord, item: CallItem, fields: Record<string, unknown>): void {
  engine.log({ level: "info", msg: "step", run: run.id, fn: run.functionId, attempt: item.attempt, ...fields });
}
