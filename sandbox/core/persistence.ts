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

export function emptyRoot(): PersistedRoot {
  return { version: 1, clockOffsetMs: 0, config: {}, apps: {}, faults: {}, slices: {} };
}

/** One JSON file, written atomically (temp file + rename) and debounced so bursts of writes cost one save. */
export class StateFile {
  root: PersistedRoot;
  private timer: NodeJS.Timeout | null = null;
  private lastFlushMs = 0;
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
    // a big state (50,000 SKUs) takes a while to serialize: space saves out so writes stay cheap under load
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, Math.max(this.debounceMs, this.lastFlushMs * 10));
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const started = Date.now();
    fs.mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.root));
    fs.renameSync(tmp, this.file);
    this.lastFlushMs = Date.now() - started;
  }

  clear(): void {
    this.root = emptyRoot();
    this.flush();
  }
}
