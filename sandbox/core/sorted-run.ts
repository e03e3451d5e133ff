// A sorted list of (value, id) pairs kept in chunks, so inserting anywhere costs O(log n + chunk) instead of
// moving the whole array, and rank queries (how many entries sort before a key) stay O(log n).
export type SortValue = number | string;
export type EntryId = number | string;
export interface Entry<I extends EntryId = EntryId> { v: SortValue; id: I }

const CHUNK = 256;

/** (value, id) order; values of one run are all numbers or all strings, ids likewise. */
export function compareEntry(av: SortValue, aid: EntryId, bv: SortValue, bid: EntryId): number {
  if (av !== bv) return av < bv ? -1 : 1;
  return aid < bid ? -1 : aid > bid ? 1 : 0;
}

interface Chunk<I> { vs: SortValue[]; ids: I[] }

export class SortedRun<I extends EntryId = EntryId> {
  private chunks: Chunk<I>[] = [];
  /** starts[c] = entries in chunks before c */
  private starts: number[] = [];
  size = 0;

  insert(v: SortValue, id: I): void {
    if (this.chunks.length === 0) {
      this.chunks.push({ vs: [v], ids: [id] });
      this.starts.push(0);
      this.size = 1;
      return;
    }
    const lastChunk = this.chunks[this.chunks.length - 1]!;
    const n = lastChunk.ids.length;
    // appending is the common case (new records carry the newest time and the highest id)
    let c = compareEntry(lastChunk.vs[n - 1]!, lastChunk.ids[n - 1]!, v, id) < 0 ? this.chunks.length - 1 : this.chunkFor(v, id);
    if (c === this.chunks.length) c -= 1; // past the last entry: append to the last chunk
    const chunk = this.chunks[c]!;
    const at = lowerIn(chunk, v, id);
    if (at < chunk.ids.length && chunk.vs[at] === v && chunk.ids[at] === id) return;
    if (at === chunk.ids.length) {
      chunk.vs.push(v);
      chunk.ids.push(id);
    } else {
      chunk.vs.splice(at, 0, v);
      chunk.ids.splice(at, 0, id);
    }
    this.size += 1;
    for (let k = c + 1; k < this.starts.length; k++) this.starts[k]! += 1;
    if (chunk.ids.length > 2 * CHUNK) {
      const tail: Chunk<I> = { vs: chunk.vs.splice(CHUNK), ids: chunk.ids.splice(CHUNK) };
      this.chunks.splice(c + 1, 0, tail);
      this.starts.splice(c + 1, 0, this.starts[c]! + chunk.ids.length);
    }
  }

  remove(v: SortValue, id: I): boolean {
    const c = this.chunkFor(v, id);
    const chunk = this.chunks[c];
    if (!chunk) return false;
    const at = lowerIn(chunk, v, id);
    if (chunk.vs[at] !== v || chunk.ids[at] !== id) return false;
    chunk.vs.splice(at, 1);
    chunk.ids.splice(at, 1);
    this.size -= 1;
    for (let k = c + 1; k < this.starts.length; k++) this.starts[k]! -= 1;
    if (chunk.ids.length === 0) {
      this.chunks.splice(c, 1);
      this.starts.splice(c, 1);
    }
    return true;
  }

  /** Entries sorting before (v, id). */
  rankBefore(v: SortValue, id: I): number {
    const c = this.chunkFor(v, id);
    if (c === this.chunks.length) return this.size;
    return this.starts[c]! + lowerIn(this.chunks[c]!, v, id);
  }

  /** Entries sorting at or before (v, id). */
  rankThrough(v: SortValue, id: I): number {
    const before = this.rankBefore(v, id);
    const e = before < this.size ? this.at(before) : null;
    return e && e.v === v && e.id === id ? before + 1 : before;
  }

  /** Entries whose value is below v (or at most v with `inclusive`). */
  rankOfValue(v: SortValue, inclusive: boolean): number {
    let lo = 0;
    let hi = this.chunks.length;
    const past = (x: SortValue) => (inclusive ? x > v : x >= v);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ch = this.chunks[mid]!;
      if (past(ch.vs[ch.vs.length - 1]!)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === this.chunks.length) return this.size;
    const ch = this.chunks[lo]!;
    let a = 0;
    let b = ch.vs.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (past(ch.vs[mid]!)) b = mid;
      else a = mid + 1;
    }
    return this.starts[lo]! + a;
  }

  at(rank: number): Entry<I> {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= rank) lo = mid;
      else hi = mid - 1;
    }
    const ch = this.chunks[lo]!;
    const i = rank - this.starts[lo]!;
    return { v: ch.vs[i]!, id: ch.ids[i]! };
  }

  /** First chunk whose last entry is at or after (v, id); chunks.length when none. */
  private chunkFor(v: SortValue, id: I): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const ch = this.chunks[mid]!;
      const last = ch.ids.length - 1;
      if (compareEntry(ch.vs[last]!, ch.ids[last]!, v, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function lowerIn<I extends EntryId>(ch: Chunk<I>, v: SortValue, id: I): number {
  let lo = 0;
  let hi = ch.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntry(ch.vs[mid]!, ch.ids[mid]!, v, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
