import { z } from "zod";

// Function configuration as the SDK reports it on sync (PUT in-band answer or /fn/register).
const keyed = { key: z.string().optional() };
const concurrencyItem = z.union([
  z.number(),
  z.object({ limit: z.number(), scope: z.enum(["fn", "env", "account"]).optional(), ...keyed }),
]);
export const functionConfigSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z.array(z.union([
    z.object({ event: z.string(), expression: z.string().nullish() }),
    z.object({ cron: z.string(), jitter: z.string().optional() }),
  ])).default([]),
  steps: z.record(z.string(), z.object({
    id: z.string().optional(),
    runtime: z.object({ type: z.string().optional(), url: z.string() }),
    retries: z.object({ attempts: z.number() }).nullish(),
  })),
  idempotency: z.string().nullish(),
  batchEvents: z.object({ maxSize: z.number(), timeout: z.string(), ...keyed }).nullish(),
  rateLimit: z.object({ limit: z.number(), period: z.string(), ...keyed }).nullish(),
  throttle: z.object({ limit: z.number(), period: z.string(), burst: z.number().optional(), ...keyed }).nullish(),
  concurrency: z.union([concurrencyItem, z.array(concurrencyItem)]).nullish(),
  debounce: z.object({ period: z.string(), timeout: z.string().optional(), ...keyed }).nullish(),
  cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).nullish(),
}).passthrough();
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const syncAnswerSchema = z.object({
  url: z.string().optional(),
  app_id: z.string().optional(),
  appName: z.string().optional(),
  functions: z.array(z.unknown()),
}).passthrough();

export const eventInputSchema = z.object({
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().nullish(),
  ts: z.number().nullish(),
  v: z.string().nullish(),
  user: z.unknown().optional(),
}).passthrough();

export interface EventRecord {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  [extra: string]: unknown;
}

export type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };
export type RunStatus = "Queued" | "Running" | "Sleeping" | "Waiting" | "Completed" | "Failed" | "Cancelled";
export const TERMINAL: ReadonlySet<RunStatus> = new Set(["Completed", "Failed", "Cancelled"]);

export interface StepHistory {
  // output/error are the step's last result, shown by GET /v0/runs
  id: string;
  name: string;
  op: string;
  status: "Running" | "Completed" | "Failed" | "Retrying" | "Sleeping" | "Waiting" | "Invoking";
  attempts: number;
  output?: unknown;
  error?: unknown;
  startedAt: number;
  endedAt?: number;
}

export type PendingKind = "step" | "sleep" | "wait" | "invoke";

export interface RunRecord {
  id: string;
  functionId: string;
  status: RunStatus;
  event: EventRecord;
  events: EventRecord[];
  steps: Record<string, StepState>;
  stack: string[];
  pending: Record<string, PendingKind>;
  history: StepHistory[];
  attempts: number;
  output?: unknown;
  error?: unknown;
  buckets: Array<{ bucket: string; limit: number }>;
  throttle?: { bucket: string; limit: number; periodMs: number };
  parent?: { runId: string; hash: string };
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
}

export type QueueItem =
  | { id: string; at: number; kind: "call"; runId: string; stepId: string; attempt: number }
  | { id: string; at: number; kind: "sleep" | "wait-timeout" | "invoke-timeout"; runId: string; hash: string }
  | { id: string; at: number; kind: "debounce"; bucket: string }
  | { id: string; at: number; kind: "batch"; bucket: string };

/** A queue item before it has an id (distributes over the union so each kind keeps its fields). */
export type NewQueueItem = QueueItem extends infer T ? (T extends QueueItem ? Omit<T, "id"> & { id?: string } : never) : never;

export interface WaitRecord {
  runId: string;
  hash: string;
  event: string;
  if?: string;
  createdAt: number;
  itemId: string;
}

export interface RunnerState {
  version: 1;
  functions: FunctionConfig[];
  syncedAt?: number;
  syncError?: string;
  runs: Record<string, RunRecord>;
  queue: QueueItem[];
  waits: WaitRecord[];
  seenEvents: Record<string, number>;
  windows: Record<string, number[]>;
  idempotency: Record<string, number>;
  debounces: Record<string, { functionId: string; event: EventRecord; firstAt: number; itemId: string }>;
  batches: Record<string, { functionId: string; events: EventRecord[]; itemId: string }>;
}

export function emptyState(): RunnerState {
  return { version: 1, functions: [], runs: {}, queue: [], waits: [], seenEvents: {}, windows: {}, idempotency: {}, debounces: {}, batches: {} };
}
