// The engine's shared state and its scheduler loop: due queue items are dispatched when their
// function's concurrency and throttle allow; timers (sleep, timeouts, debounce, batch) fire here.
import { randomBytes } from "node:crypto";
import type { CompiledFunction } from "./compile";
import { Store } from "./store";
import { TERMINAL, type NewQueueItem, type QueueItem, type RunRecord } from "./types";

export interface EngineOptions {
  appUrl: string;
  dataDir: string;
  signingKey?: string;
  eventKey?: string;
  backoffBaseMs: number;
  backoffMaxMs: number;
  connectRetryMs: number;
  syncRetryMs: number;
  durationScale: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  /** The clock cron schedules are computed on (tests shift it to a due time). */
  cronClock: () => number;
  log: (line: Record<string, unknown>) => void;
}

export type ItemHandler = (engine: Engine, item: QueueItem) => void | Promise<void>;

export class Engine {
  readonly store: Store;
  functions = new Map<string, CompiledFunction>();
  /** Call items currently being sent to the app, with the concurrency buckets they occupy. */
  readonly inFlight = new Map<string, string[]>();
  readonly abort = new AbortController();
  closing = false;
  private timer: NodeJS.Timeout | null = null;
  private pumpQueued = false;
  private readonly tasks = new Set<Promise<void>>();

  constructor(readonly options: EngineOptions, private readonly handlers: { call: ItemHandler; timer: ItemHandler }) {
    this.store = new Store(options.dataDir);
  }

  get state() {
    return this.store.state;
  }

  newId(prefix = ""): string {
    return prefix + Date.now().toString(36).padStart(9, "0") + randomBytes(6).toString("hex");
  }

  log(fields: Record<string, unknown>): void {
    this.options.log({ time: new Date().toISOString(), ...fields });
  }

  enqueue(item: NewQueueItem): QueueItem {
    const full = { ...item, id: item.id ?? this.newId("q") } as QueueItem;
    this.state.queue.push(full);
    this.changed();
    return full;
  }

  removeItem(id: string): void {
    const i = this.state.queue.findIndex((q) => q.id === id);
    if (i >= 0) this.state.queue.splice(i, 1);
  }

  run(id: string): RunRecord | undefined {
    return this.state.runs[id];
  }

  /** Persist soon and look at the queue again. */
  changed(): void {
    this.store.save();
    if (this.pumpQueued || this.closing) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  track(p: Promise<void>): void {
    this.tasks.add(p);
    void p.finally(() => this.tasks.delete(p));
  }

  private pump(): void {
    if (this.closing) return;
    const now = Date.now();
    let nextAt = Infinity;
    const due = [...this.state.queue].sort((a, b) => a.at - b.at);
    for (const item of due) {
      if (this.inFlight.has(item.id)) continue;
      if (item.at > now) { nextAt = Math.min(nextAt, item.at); continue; }
      if (item.kind !== "call") {
        this.removeItem(item.id);
        try {
          void this.handlers.timer(this, item);
        } catch (err) {
          this.log({ level: "error", msg: "timer failed", item, error: String(err) });
        }
        continue;
      }
      const run = this.state.runs[item.runId];
      if (!run || TERMINAL.has(run.status)) { this.removeItem(item.id); continue; }
      if (this.inFlight.size >= this.options.maxInFlight) break;
      if (!this.slotsFree(run)) continue;
      const wait = this.throttleWait(run, now);
      if (wait > 0) { item.at = now + wait; nextAt = Math.min(nextAt, item.at); continue; }
      this.inFlight.set(item.id, run.buckets.map((b) => b.bucket));
      const task = Promise.resolve(this.handlers.call(this, item))
        .catch((err) => { if (!this.closing) this.log({ level: "error", msg: "call failed", run: item.runId, error: String(err) }); })
        .finally(() => {
          this.inFlight.delete(item.id);
          this.changed();
        });
      this.track(task);
    }
    this.store.save();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (nextAt < Infinity) this.timer = setTimeout(() => this.pump(), Math.min(Math.max(nextAt - Date.now(), 0), 2 ** 31 - 1));
  }

  /** Concurrency counts steps being sent to the app now; sleeping or waiting runs hold no slot. */
  private slotsFree(run: RunRecord): boolean {
    for (const { bucket, limit } of run.buckets) {
      if (limit <= 0) continue;
      let used = 0;
      for (const buckets of this.inFlight.values()) if (buckets.includes(bucket)) used++;
      if (used >= limit) return false;
    }
    return true;
  }

  /** Throttle limits run starts per period and queues the rest (it never drops). */
  private throttleWait(run: RunRecord, now: number): number {
    if (run.startedAt || !run.throttle) return 0;
    const { bucket, limit, periodMs } = run.throttle;
    const starts = (this.state.windows[bucket] ?? []).filter((t) => now - t < periodMs);
    this.state.windows[bucket] = starts;
    if (starts.length < limit) {
      starts.push(now);
      return 0;
    }
    return starts[starts.length - limit]! + periodMs - now;
  }

  /** Nothing queued or running; runs waiting for an event only count when asked to. */
  isIdle(includeWaiting: boolean): boolean {
    if (this.inFlight.size > 0) return false;
    // An invoke timeout is not work of its own: the child run's items are.
    return this.state.queue.every((q) => q.kind === "invoke-timeout" || (q.kind === "wait-timeout" && !includeWaiting));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.store.close();
    this.abort.abort();
    await Promise.allSettled([...this.tasks]);
  }
}
