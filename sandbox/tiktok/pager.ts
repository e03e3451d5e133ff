import { clip, countOf, segmentOf, take, type RangeIndex, type RangeQuery, type Segment } from "../core/range-index";
import type { Entry } from "../core/sorted-run";

/** Where the matches are, restricted to keys after (ascending) or before (descending) a cursor when given. */
export type Matches = (bounds: { after?: Entry<string>; before?: Entry<string> }) => Segment<string>[];

export interface PageOptions { matches: Matches; token?: string | null; size: number; cap?: number; asc?: boolean }
export type PageResult = { ids: string[]; next: string; total: number } | { error: "token" | "cap" };

interface Cursor { t: number; id: string; n: number }

/**
 * Keyset paging: the opaque page_token carries the last (time, id) returned and how many results came before it,
 * so the result cap can be enforced. Matches come from range indexes, so a page and its total cost
 * O(log n + page) whatever the filters.
 */
export function page(o: PageOptions): PageResult {
  let cursor: Cursor | null = null;
  if (o.token) {
    cursor = decode(o.token);
    if (!cursor) return { error: "token" };
  }
  const seen = cursor?.n ?? 0;
  if (o.cap !== undefined && seen >= o.cap) return { error: "cap" };
  const limit = o.cap !== undefined ? Math.min(o.size, o.cap - seen) : o.size;
  const at = cursor ? { v: cursor.t, id: cursor.id } : undefined;
  const r = take(o.matches(at ? (o.asc ? { after: at } : { before: at }) : {}), { limit, desc: !o.asc });
  const last = r.entries[r.entries.length - 1];
  const next = r.more && last ? encode({ t: last.v as number, id: last.id, n: seen + r.entries.length }) : "";
  return { ids: r.entries.map((e) => e.id), next, total: countOf(o.matches({})) };
}

/** The matches of one query over several disjoint indexes (for example one per warehouse). */
export function inIndexes(indexes: (RangeIndex<string> | undefined)[], query: RangeQuery<string>): Matches {
  return (bounds) => indexes.flatMap((index) => index?.segments({ ...query, ...bounds }) ?? []);
}

/** The matches among a small candidate set (for example the products of ≤ 10 seller SKUs). */
export function inCandidates(items: { id: string; t: number }[]): Matches {
  const segments = segmentOf(items.map((it) => ({ v: it.t, id: it.id })));
  return (bounds) => clip(segments, bounds.after, bounds.before);
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
