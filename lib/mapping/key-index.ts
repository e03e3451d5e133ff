/**
 * A multimap from a string key to positions 0..size-1, stored as a head map plus a "next" chain in
 * one typed array: no array per key, which keeps 100,000-row indexes cheap to build and to collect.
 */
export class KeyIndex {
  private readonly head = new Map<string, number>();
  private readonly next: Int32Array;

  constructor(size: number) {
    this.next = new Int32Array(size).fill(-1);
  }

  add(key: string | null, position: number): void {
    if (key === null) return;
    const first = this.head.get(key);
    if (first !== undefined) this.next[position] = first;
    this.head.set(key, position);
  }

  /** How many positions the key has (0 when none), without allocating. */
  count(key: string | null): number {
    if (key === null) return 0;
    let n = 0;
    for (let p = this.head.get(key) ?? -1; p >= 0; p = this.next[p]!) n++;
    return n;
  }

  /** The only position under the key when there is exactly one, else -1. */
  single(key: string | null): number {
    if (key === null) return -1;
    const first = this.head.get(key);
    return first !== undefined && this.next[first] === -1 ? first : -1;
  }

  /** Positions under the key in ascending order; empty when none. */
  get(key: string | null): number[] {
    if (key === null) return [];
    const positions: number[] = [];
    for (let p = this.head.get(key) ?? -1; p >= 0; p = this.next[p]!) positions.push(p);
    return positions.reverse();
  }
}
