import { SortedIndex } from "./sorted-index";

export interface PageOptions {
  ge?: number; le?: number; token?: string | null; size: number; cap?: number; asc?: boolean;
  filter?: (id: string) => boolean;
}
export type PageResult = { ids: string[]; next: string; total: number } | { error: "token" | "cap" };

interface Cursor { t: number; id: string; n: number }

/**
 * Keyset paging over a SortedIndex: the opaque page_token carries the last (time, id) returned and how many
 * results came before it, so each page costs O(log n + page) and the result cap can be enforced.
 */
export function page(index: SortedIndex, o: PageOptions): PageResult {
  const [lo, hi] = index.range(o.ge ?? -Infinity, o.le ?? Infinity);
  let cursor: Cursor | null = null;
  if (o.token) {
    cursor = decode(o.token);
    if (!cursor) return { error: "token" };
  }
  const seen = cursor?.n ?? 0;
  if (o.cap !== undefined && seen >= o.cap) return { error: "cap" };
  const take = o.cap !== undefined ? Math.min(o.size, o.cap - seen) : o.size;
  const ids: string[] = [];
  let lastPos = -1;
  let i: number;
  if (o.asc) i = cursor ? Math.max(lo, index.lowerBound(cursor.t, cursor.id + "\u0000")) : lo;
  else i = cursor ? Math.min(hi - 1, index.lowerBound(cursor.t, cursor.id) - 1) : hi - 1;
  const step = o.asc ? 1 : -1;
  const inRange = (k: number) => k >= lo && k < hi;
  for (; inRange(i) && ids.length < take; i += step) {
    const id = index.idAt(i);
    if (!o.filter || o.filter(id)) {
      ids.push(id);
      lastPos = i;
    }
  }
  let more = false;
  for (let k = i; inRange(k); k += step) {
    if (!o.filter || o.filter(index.idAt(k))) {
      more = true;
      break;
    }
  }
  let next = "";
  if (more && ids.length > 0) {
    next = encode({ t: index.timeAt(lastPos), id: index.idAt(lastPos), n: seen + ids.length });
  }
  let total = hi - lo;
  if (o.filter) {
    total = 0;
    for (let k = lo; k < hi; k++) if (o.filter(index.idAt(k))) total++;
  }
  return { ids, next, total };
}

/** A throwaway index over a small candidate set (e.g. products matching ≤ 10 seller SKUs). */
export function smallIndex(items: { id: string; t: number }[]): SortedIndex {
  const idx = new SortedIndex();
  for (const it of items) idx.upsert(it.id, it.t);
  return idx;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64");
}

function decode(token: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as Cursor;
    if (typeof c.t === "number" && typeof c.id === "string" && typeof c.n === "number") return c;
  } catch {
    // fall through
  }
  return null;
}
