import fs from "node:fs";
import path from "node:path";
import type { FaultSettings, Platform } from "./platform";

export interface PersistedRoot {
  version: 1;
  clockOffsetMs: number;
  config: Partial<Record<Platform, Record<string, unknown>>>;
  apps: Partial<Record<Platform, Record<string, Record<string, unknown>>>>;
  faults: Partial<Record<Platform, FaultSettings>>;
  slices: Record<string, unknown>;
}

// A save that took the event loop for 60 ms waits 3 s before the next one; never more than 10 s of changes unsaved.
const STALL_TO_SPACING = 50;
const MAX_SAVE_SPACING_MS = 10_000;

export function emptyRoot(): PersistedRoot {
  return { version: 1, clockOffsetMs: 0, config: {}, apps: {}, faults: {}, slices: {} };
}

/**
 * One JSON file, written atomically (temp file + rename). Saves are debounced so bursts of writes cost one save,
 * and spaced out by what the last one cost: turning a big state (tens of MB with 5,000 products) into JSON takes
 * the event loop for tens of milliseconds, and calls arriving meanwhile bunch up, which a stand-in that counts
 * calls per second (TikTok's rate limit) would then see as a burst the client never sent. The file itself is
 * written off the event loop; close and reset write synchronously, and a background write they overtake is dropped.
 */
export class StateFile {
  root: PersistedRoot;
  private timer: NodeJS.Timeout | null = null;
  private lastStallMs = 0;
  private generation = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly dataDir: string, private readonly debounceMs = 300) {
    this.file = path.join(dataDir, "state.json");
    this.root = this.load();
  }

  private load(): PersistedRoot {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, "utf8")) as PersistedRoot;
      if (parsed && parsed.version === 1) return { ...emptyRoot(), ...parsed };
    } catch {
      // missing or unreadable: start empty
    }
    return emptyRoot();
  }

  scheduleSave(): void {
    if (this.timer) return;
    const delay = Math.min(MAX_SAVE_SPACING_MS, Math.max(this.debounceMs, this.lastStallMs * STALL_TO_SPACING));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveInBackground();
    }, delay);
    this.timer.unref?.();
  }

  /** Resolves when the writes started so far have landed (or been overtaken). */
  settled(): Promise<void> {
    return this.writing;
  }

  private saveInBackground(): Promise<void> {
    const started = performance.now();
    const json = JSON.stringify(this.root);
    this.lastStallMs = performance.now() - started;
    const generation = ++this.generation;
    const tmp = `${this.file}.${process.pid}.bg.tmp`;
    this.writing = this.writing.then(async () => {
      if (generation !== this.generation) return;
      try {
        await fs.promises.mkdir(this.dataDir, { recursive: true });
        await fs.promises.writeFile(tmp, json);
        // checked and renamed in one turn of the event loop, so a synchronous flush in between always wins
        if (generation === this.generation) fs.renameSync(tmp, this.file);
        else await fs.promises.rm(tmp, { force: true });
      } catch (err) {
        // an overtaken write may lose its temp file to a reset or a removed data dir; only a current one matters
        if (generation === this.generation) console.error("[sandbox] saving state failed:", err);
      }
    });
    return this.writing;
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.generation++;
    fs.mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.root));
    fs.renameSync(tmp, this.file);
  }

  clear(): void {
    this.root = emptyRoot();
    this.flush();
  }
}
