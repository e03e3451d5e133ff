import type { Platform } from "./platform";

export interface LogRow {
  seq: number; at: string; platform: Platform | null; method: string; route: string; shop: string | null;
  status: number; code: string | number | null; ms: number; direction: "in" | "out";
}
export interface LogCounts {
  total: number; in: number; out: number;
  byPlatform: Record<string, number>; byStatus: Record<string, number>; byRoute: Record<string, number>;
}

const MAX_ROWS = 50_000;
/** Old rows go in batches of this many, so a full log does not move 50,000 rows on every request. */
const TRIM = 5_000;

/** In-memory request log (not persisted): the last MAX_ROWS rows (up to TRIM more) plus running counts since the last reset. */
export class RequestLog {
  private rows: LogRow[] = [];
  private seq = 0;
  counts: LogCounts = emptyCounts();

  add(row: Omit<LogRow, "seq">): LogRow {
    const full = { ...row, seq: ++this.seq };
    this.rows.push(full);
    if (this.rows.length > MAX_ROWS + TRIM) this.rows.splice(0, this.rows.length - MAX_ROWS);
    const c = this.counts;
    c.total++;
    c[row.direction]++;
    const p = row.platform ?? "none";
    c.byPlatform[p] = (c.byPlatform[p] ?? 0) + 1;
    c.byStatus[String(row.status)] = (c.byStatus[String(row.status)] ?? 0) + 1;
    const key = `${p} ${row.direction === "out" ? "OUT" : row.method} ${row.route}`;
    c.byRoute[key] = (c.byRoute[key] ?? 0) + 1;
    return full;
  }

  after(seq: number, limit: number): LogRow[] {
    // rows are sorted by seq: binary search for the first row after `seq`
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return this.rows.slice(lo, lo + limit);
  }

  clear(): void {
    this.rows = [];
    this.counts = emptyCounts();
    // seq keeps growing so a client polling with ?after= never misses rows after a reset
  }
}

function emptyCounts(): LogCounts {
  return { total: 0, in: 0, out: 0, byPlatform: {}, byStatus: {}, byRoute: {} };
}
