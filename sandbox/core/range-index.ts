// Two-dimensional range search that still pages in sort order: entries are sorted by a value `v` (the sort key,
// e.g. update_time) and filtered by an integer `b` (e.g. create_time). Besides one run of everything, each entry
// sits in one bucket per level, level k grouping b values by 16^k, every bucket a run sorted by (v, id). A b range
// is covered by at most 30 buckets per level, so a page merges those runs: O(levels · 16 · log n + page · log runs),
// and counting the matches is the same walk without the page. No query ever visits entries outside its answer.
import { compareEntry, SortedRun, type Entry, type EntryId, type SortValue } from "./sorted-run";

const FANOUT = 16;
/** Below this size a b range is answered by reading the run of everything, so small partitions need no buckets. */
const BUCKETS_FROM = 64;

export interface RangeQuery<I extends EntryId> {
  /** inclusive bounds on the sort value */
  v?: { ge?: SortValue; le?: SortValue };
  /** inclusive bounds on the filter value */
  b?: { ge?: number; le?: number };
  /** keyset cursors: only entries strictly after `after` and strictly before `before` in (v, id) order */
  after?: Entry<I> | null;
  before?: Entry<I> | null;
}

/** Ranks [lo, hi) of one run that match a query. */
export interface Segment<I extends EntryId> { run: SortedRun<I>; lo: number; hi: number }

/**
 * Counts entries read by merges and runs opened, so tests can prove a page reads O(page) entries without
 * timing anything. Reset it before the call you measure.
 */
export const workMeter = { entries: 0, runs: 0 };

export class RangeIndex<I extends EntryId = EntryId> {
  readonly all = new SortedRun<I>();
  /** bucket runs per level, built once the index holds BUCKETS_FROM entries */
  private levels: Map<number, SortedRun<I>>[] | null = null;
  private readonly current = new Map<I, { v: SortValue; b: number }>();
  private readonly levelCount: number;
  private readonly maxB: number;

  /** `bBits`: filter values are integers in [0, 2^bBits); 0 for an index without a filter dimension. */
  constructor(bBits = 0) {
    this.levelCount = Math.ceil(bBits / 4);
    this.maxB = FANOUT ** this.levelCount - 1;
  }

  get size(): number {
    return this.all.size;
  }

  has(id: I): boolean {
    return this.current.has(id);
  }

  upsert(id: I, v: SortValue, b = 0): void {
    const bb = Math.min(Math.max(Math.floor(b), 0), this.maxB);
    const old = this.current.get(id);
    if (old && old.v === v && old.b === bb) return;
    if (old) this.removeEntry(id, old.v, old.b);
    this.current.set(id, { v, b: bb });
    this.all.insert(v, id);
    if (this.levels) this.addToLevels(this.levels, id, v, bb);
    else if (this.levelCount > 0 && this.current.size >= BUCKETS_FROM) {
      const levels = Array.from({ length: this.levelCount }, () => new Map<number, SortedRun<I>>());
      for (const [eid, e] of this.current) this.addToLevels(levels, eid, e.v, e.b);
      this.levels = levels;
    }
  }

  private addToLevels(levels: Map<number, SortedRun<I>>[], id: I, v: SortValue, b: number): void {
    let w = 1;
    for (const level of levels) {
      const key = Math.floor(b / w);
      let run = level.get(key);
      if (!run) level.set(key, (run = new SortedRun<I>()));
      run.insert(v, id);
      w *= FANOUT;
    }
  }

  remove(id: I): void {
    const old = this.current.get(id);
    if (!old) return;
    this.removeEntry(id, old.v, old.b);
    this.current.delete(id);
  }

  /** The runs and ranks that hold exactly the entries matching `q`. */
  segments(q: RangeQuery<I> = {}): Segment<I>[] {
    const bRange = q.b && (q.b.ge !== undefined || q.b.le !== undefined);
    if (bRange && !this.levels) return this.smallSegments(q);
    const runs = bRange ? this.bucketsFor(q.b!.ge ?? 0, q.b!.le ?? this.maxB) : [this.all];
    const out: Segment<I>[] = [];
    for (const run of runs) {
      workMeter.runs += 1;
      let lo = q.v?.ge === undefined ? 0 : run.rankOfValue(q.v.ge, false);
      let hi = q.v?.le === undefined ? run.size : run.rankOfValue(q.v.le, true);
      if (q.after) lo = Math.max(lo, run.rankThrough(q.after.v, q.after.id));
      if (q.before) hi = Math.min(hi, run.rankBefore(q.before.v, q.before.id));
      if (lo < hi) out.push({ run, lo, hi });
    }
    return out;
  }

  /** A small index (under BUCKETS_FROM entries) answers a b range by reading its entries. */
  private smallSegments(q: RangeQuery<I>): Segment<I>[] {
    const entries: Entry<I>[] = [];
    const ge = q.b!.ge ?? -Infinity;
    const le = q.b!.le ?? Infinity;
    for (const [id, e] of this.current) if (e.b >= ge && e.b <= le) entries.push({ v: e.v, id });
    workMeter.entries += this.current.size;
    const { after, before, v } = q;
    return clip(segmentOf(entries.filter((e) => (v?.ge === undefined || e.v >= v.ge) && (v?.le === undefined || e.v <= v.le))), after, before);
  }

  private bucketsFor(ge: number, le: number): SortedRun<I>[] {
    let lo = Math.max(Math.ceil(ge), 0);
    let hi = Math.min(Math.floor(le), this.maxB) + 1; // exclusive
    if (lo >= hi) return [];
    if (lo === 0 && hi === this.maxB + 1) return [this.all];
    const runs: SortedRun<I>[] = [];
    const take = (k: number, from: number, to: number) => {
      const w = FANOUT ** k;
      for (let x = from / w; x < to / w; x++) {
        const run = this.levels![k]!.get(x);
        if (run) runs.push(run);
      }
    };
    for (let k = 0; k < this.levelCount && lo < hi; k++) {
      const W = FANOUT ** (k + 1);
      const loNext = Math.min(Math.ceil(lo / W) * W, hi);
      const hiPrev = Math.max(Math.floor(hi / W) * W, loNext);
      take(k, lo, loNext);
      take(k, hiPrev, hi);
      lo = loNext;
      hi = hiPrev;
    }
    // what is left is whole buckets of the level above the last, i.e. everything
    if (lo < hi) runs.push(this.all);
    return runs;
  }

  private removeEntry(id: I, v: SortValue, b: number): void {
    this.all.remove(v, id);
    let w = 1;
    for (const level of this.levels ?? []) {
      const key = Math.floor(b / w);
      const run = level.get(key);
      if (run?.remove(v, id) && run.size === 0) level.delete(key);
      w *= FANOUT;
    }
  }
}

/** A run over a small candidate set (for example the products of ≤ 10 seller SKUs), as one segment. */
export function segmentOf<I extends EntryId>(entries: Entry<I>[]): Segment<I>[] {
  const run = new SortedRun<I>();
  for (const e of entries) run.insert(e.v, e.id);
  return run.size ? [{ run, lo: 0, hi: run.size }] : [];
}

/** Restrict segments to keys strictly after / before the cursors (keyset paging over a candidate run). */
export function clip<I extends EntryId>(segments: Segment<I>[], after?: Entry<I> | null, before?: Entry<I> | null): Segment<I>[] {
  return segments
    .map((s) => ({
      run: s.run,
      lo: after ? Math.max(s.lo, s.run.rankThrough(after.v, after.id)) : s.lo,
      hi: before ? Math.min(s.hi, s.run.rankBefore(before.v, before.id)) : s.hi,
    }))
    .filter((s) => s.lo < s.hi);
}

export function countOf<I extends EntryId>(segments: Segment<I>[]): number {
  let n = 0;
  for (const s of segments) n += s.hi - s.lo;
  return n;
}

/**
 * Up to `limit` entries of the union of disjoint segments, ascending from the low end or descending from the
 * high end, and whether more remain beyond them.
 */
export function take<I extends EntryId>(segments: Segment<I>[], options: { limit: number; desc?: boolean }): { entries: Entry<I>[]; more: boolean } {
  const desc = Boolean(options.desc);
  const heads = segments.map((s) => ({ run: s.run, pos: desc ? s.hi - 1 : s.lo, end: desc ? s.lo - 1 : s.hi, e: null as Entry<I> | null }));
  const live = heads.filter((h) => h.pos !== h.end);
  for (const h of live) {
    h.e = h.run.at(h.pos);
    workMeter.entries += 1;
  }
  const before = (a: (typeof live)[number], b: (typeof live)[number]) => {
    const c = compareEntry(a.e!.v, a.e!.id, b.e!.v, b.e!.id);
    return desc ? c > 0 : c < 0;
  };
  const heap = new Heap(live, before);
  const entries: Entry<I>[] = [];
  while (entries.length < options.limit && heap.size > 0) {
    const h = heap.peek();
    entries.push(h.e!);
    h.pos += desc ? -1 : 1;
    if (h.pos === h.end) heap.pop();
    else {
      h.e = h.run.at(h.pos);
      workMeter.entries += 1;
      heap.fix();
    }
  }
  return { entries, more: heap.size > 0 };
}

/** Binary min-heap by `before`; fix() restores order after the top item changed. */
class Heap<T> {
  constructor(private items: T[], private before: (a: T, b: T) => boolean) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0]!;
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length) {
      this.items[0] = last;
      this.down(0);
    }
  }

  fix(): void {
    this.down(0);
  }

  private down(i: number): void {
    const a = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
      if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}
