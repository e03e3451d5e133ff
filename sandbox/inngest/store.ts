// The runner's whole state in one JSON file, written atomically (temp file + rename) shortly
// after each change, so a restart of the runner resumes queued and in-flight work.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, TERMINAL, type RunnerState } from "./types";

const DAY_MS = 24 * 60 * 60_000;
const KEEP_FINISHED_RUNS = 2000;

export class Store {
  state: RunnerState;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, "state.json");
    this.state = this.load();
  }

  private load(): RunnerState {
    try {
      const raw = JSON.parse(readFileSync(this.file, "utf8")) as RunnerState;
      return raw.version === 1 ? { ...emptyState(), ...raw } : emptyState();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") console.error(`[runner] ignoring unreadable ${this.file}: ${String(err)}`);
      return emptyState();
    }
  }

  save(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => this.flush(), 20);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    this.prune();
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  private prune(): void {
    const now = Date.now();
    const s = this.state;
    for (const [id, at] of Object.entries(s.seenEvents)) if (now - at > DAY_MS) delete s.seenEvents[id];
    for (const [id, at] of Object.entries(s.idempotency)) if (now - at > DAY_MS) delete s.idempotency[id];
    const finished = Object.values(s.runs).filter((r) => TERMINAL.has(r.status));
    if (finished.length > KEEP_FINISHED_RUNS) {
      finished.sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
      for (const r of finished.slice(0, finished.length - KEEP_FINISHED_RUNS)) delete s.runs[r.id];
    }
  }
}
