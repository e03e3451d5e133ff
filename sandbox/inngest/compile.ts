// Turns synced function configs into what the engine needs, failing the whole sync with a
// clear message when an expression, cron or duration is outside what the runner supports.
import { compileCel, type CompiledExpr } from "./cel";
import { parseCron, type CronSchedule } from "./cron";
import { parseDurationMs } from "./duration";
import { functionConfigSchema, type FunctionConfig } from "./types";

export const DEFAULT_RETRIES = 4;

export interface KeyedLimit { limit: number; periodMs: number; key?: CompiledExpr }
export interface CompiledFunction {
  id: string;
  config: FunctionConfig;
  url: string;
  maxAttempts: number;
  triggers: Array<{ event: string; expr?: CompiledExpr }>;
  crons: CronSchedule[];
  cancel: Array<{ event: string; expr?: CompiledExpr; timeoutMs?: number }>;
  concurrency: Array<{ limit: number; scope: string; key?: CompiledExpr }>;
  throttle?: KeyedLimit & { burst: number };
  rateLimit?: KeyedLimit;
  debounce?: { periodMs: number; timeoutMs?: number; key?: CompiledExpr };
  batch?: { maxSize: number; timeoutMs: number; key?: CompiledExpr };
  idempotency?: CompiledExpr;
}

export function compileFunctions(raw: unknown[], durationScale: number): CompiledFunction[] {
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const parsed = functionConfigSchema.safeParse(item);
    if (!parsed.success) throw new Error(`function #${i} has an invalid config: ${parsed.error.message}`);
    const fn = parsed.data;
    if (seen.has(fn.id)) throw new Error(`function id "${fn.id}" is declared twice`);
    seen.add(fn.id);
    try {
      return compileOne(fn, durationScale);
    } catch (err) {
      throw new Error(`function "${fn.id}": ${(err as Error).message}`);
    }
  });
}

function duration(value: string, what: string, scale: number): number {
  const ms = parseDurationMs(value);
  if (ms === null) throw new Error(`cannot parse ${what} duration "${value}"`);
  return ms * scale;
}

function expr(source: string | null | undefined, what: string): CompiledExpr | undefined {
  if (!source) return undefined;
  try {
    return compileCel(source);
  } catch (err) {
    throw new Error(`${what}: ${(err as Error).message}`);
  }
}

function compileOne(fn: FunctionConfig, scale: number): CompiledFunction {
  const step = fn.steps.step ?? Object.values(fn.steps)[0];
  if (!step) throw new Error("has no step runtime URL");
  const retries = step.retries?.attempts ?? DEFAULT_RETRIES;
  const out: CompiledFunction = {
    id: fn.id,
    config: fn,
    url: step.runtime.url,
    maxAttempts: retries + 1,
    triggers: [],
    crons: [],
    cancel: [],
    concurrency: [],
  };
  for (const t of fn.triggers) {
    if ("cron" in t) out.crons.push(parseCron(t.cron));
    else out.triggers.push({ event: t.event, expr: expr(t.expression, `trigger "${t.event}" if`) });
  }
  for (const c of fn.cancel ?? []) {
    out.cancel.push({ event: c.event, expr: expr(c.if, `cancelOn "${c.event}" if`), timeoutMs: c.timeout ? duration(c.timeout, "cancelOn timeout", scale) : undefined });
  }
  const conc = fn.concurrency == null ? [] : Array.isArray(fn.concurrency) ? fn.concurrency : [fn.concurrency];
  for (const c of conc) {
    if (typeof c === "number") out.concurrency.push({ limit: c, scope: "fn" });
    else out.concurrency.push({ limit: c.limit, scope: c.scope ?? "fn", key: expr(c.key, "concurrency key") });
  }
  if (fn.throttle) {
    out.throttle = { limit: fn.throttle.limit, burst: fn.throttle.burst ?? 0, periodMs: duration(fn.throttle.period, "throttle period", scale), key: expr(fn.throttle.key, "throttle key") };
  }
  if (fn.rateLimit) {
    out.rateLimit = { limit: fn.rateLimit.limit, periodMs: duration(fn.rateLimit.period, "rateLimit period", scale), key: expr(fn.rateLimit.key, "rateLimit key") };
  }
  if (fn.debounce) {
    out.debounce = {
      periodMs: duration(fn.debounce.period, "debounce period", scale),
      timeoutMs: fn.debounce.timeout ? duration(fn.debounce.timeout, "debounce timeout", scale) : undefined,
      key: expr(fn.debounce.key, "debounce key"),
    };
  }
  if (fn.batchEvents) {
    out.batch = { maxSize: fn.batchEvents.maxSize, timeoutMs: duration(fn.batchEvents.timeout, "batchEvents timeout", scale), key: expr(fn.batchEvents.key, "batchEvents key") };
  }
  out.idempotency = expr(fn.idempotency, "idempotency");
  return out;
}

/** A key expression's value as a bucket name component. */
export function keyValue(key: CompiledExpr | undefined, event: unknown): string {
  if (!key) return "";
  const v = key.evaluate({ event });
  return typeof v === "string" ? v : JSON.stringify(v);
}
