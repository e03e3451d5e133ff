/**
 * Ids kept sorted by (time, id) ascending. Lookups and range bounds are binary searches, so a search
 * page costs O(log n + page) instead of a scan. Ids of one kind have equal length, so string order is numeric order.
 */
export class SortedIndex {
  private ts: number[] = [];
  private ids: string[] = [];
  private current = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  upsert(id: string, t: number): void {
    const old = this.current.get(id);
    if (old === t) return;
    if (old !== undefined) this.removeEntry(id, old);
    this.current.set(id, t);
    const n = this.ids.length;
    if (n === 0 || cmp(this.ts[n - 1]!, this.ids[n - 1]!, t, id) < 0) {
      this.ts.push(t);
      this.ids.push(id);
      return;
    }
    const at = this.lowerBound(t, id);
    this.ts.splice(at, 0, t);
    this.ids.splice(at, 0, id);
  }

  remove(id: string): void {
    const old = this.current.get(id);
    if (old === undefined) return;
    this.removeEntry(id, old);
    this.current.delete(id);
  }

  has(id: string): boolean {
    return this.current.has(id);
  }

  /** First position whose (time, id) is >= (t, id). */
  lowerBound(t: number, id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.ts[mid]!, this.ids[mid]!, t, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions [lo, hi) of entries with ge <= time <= le. */
  range(ge: number, le: number): [number, number] {
    return [this.lowerBound(ge, ""), this.lowerBound(le + 1, "")];
  }

  idAt(i: number): string {
    return this.ids[i]!;
  }

  timeAt(i: number): number {
    return this.ts[i]!;
  }

  private removeEntry(id: string, t: number): void {
    const at = this.lowerBound(t, id);
    if (this.ids[at] === id) {
      this.ts.splice(at, 1);
      this.ids.splice(at, 1);
    }
  }
}

function cmp(t1: number, id1: string, t2: number, id2: string): number {
  if (t1 !== t2) return t1 < t2 ? -1 : 1;
  return id1 < id2 ? -1 : id1 > id2 ? 1 : 0;
}
