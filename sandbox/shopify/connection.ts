// Relay connections. Searches page over range-index matches by keyset cursors (sort value, id), so a page
// costs O(log n + page); small per-record lists (a product's variants, an order's fulfillment orders) page
// over an id list.
import { GraphQLError } from "graphql";
import { clip, segmentOf, take, type Segment } from "../core/range-index";
import type { Entry, SortValue } from "../core/sorted-run";
import { decodeCursor, encodeCursor } from "./ids";

export interface PageArgs { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }
export const MAX_PAGE = 250;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Where the matches are, in ascending (sort value, id) order, restricted to keys strictly between the bounds. */
export type Matches = (bounds: { after?: Entry<number> | null; before?: Entry<number> | null }) => Segment<number>[];

export interface PaginateOptions<T> {
  matches: Matches; args: PageArgs; load: (id: number) => T; unbounded?: boolean;
  /** the sort value of a record, for cursors that carry none (or from another sort key); undefined when it is gone */
  valueOf: (id: number) => SortValue | undefined;
}

function cursorKey(cursor: string | null | undefined, name: string, valueOf: (id: number) => SortValue | undefined): Entry<number> | null {
  if (cursor === null || cursor === undefined) return null;
  const c = decodeCursor(cursor);
  const current = c ? valueOf(c.id) : undefined;
  // keyset paging: the cursor's own value wins, so an item that changed since still marks the same place
  const v = c && (typeof c.value === typeof current || (current === undefined && (typeof c.value === "number" || typeof c.value === "string"))) ? (c.value as SortValue) : current;
  if (!c || v === undefined) throw new GraphQLError(`Invalid cursor for ${name} argument.`, { extensions: { code: "INVALID_CURSOR" } });
  return { v, id: c.id };
}

/**
 * `unbounded` is for bulk operations, where connections need no `first`. Otherwise the cost analysis has
 * already refused a connection without first/last; this check is a second guard.
 */
export function paginate<T>(options: PaginateOptions<T>): Connection<T> {
  const { args, load, matches, valueOf } = options;
  const reverse = Boolean(args.reverse);
  const limit = args.first ?? args.last ?? (options.unbounded ? Infinity : null);
  if (limit === null) throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  if (limit < 0) throw new GraphQLError("first and last must be non-negative", { extensions: { code: "BAD_REQUEST" } });
  const after = cursorKey(args.after, "after", valueOf);
  const before = cursorKey(args.before, "before", valueOf);
  // In ascending terms the window is (low, high); "forward" is ascending unless reversed.
  const low = reverse ? before : after;
  const high = reverse ? after : before;
  const fromStart = args.first !== null && args.first !== undefined ? true : !(args.last !== null && args.last !== undefined);
  const takeLow = fromStart !== reverse;
  const page = take(matches({ after: low, before: high }), { limit, desc: !takeLow }).entries;
  if (!takeLow) page.reverse();
  const any = (bounds: Parameters<Matches>[0]) => take(matches(bounds), { limit: 1 }).entries.length > 0;
  // whether anything at all lies below / above the page (Shopify's pageInfo ignores the cursors' window)
  const first = page[0];
  const last = page[page.length - 1];
  const through = (e: Entry<number>) => ({ v: e.v, id: e.id + 0.5 }); // ids are integers: just past e
  const below = (e: Entry<number>) => ({ v: e.v, id: e.id - 0.5 });
  const moreLow = first ? any({ before: first }) : takeLow ? (low ? any({ before: through(low) }) : false) : any({ before: high });
  const moreHigh = last ? any({ after: last }) : !takeLow ? (high ? any({ after: below(high) }) : false) : any({ after: low });
  const ordered = reverse ? [...page].reverse() : page;
  const edges = ordered.map((e) => ({ cursor: encodeCursor(e.id, e.v), node: load(e.id) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: reverse ? moreLow : moreHigh, hasPreviousPage: reverse ? moreHigh : moreLow,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A connection over a small list of ids (ascending by id), such as a product's variants. */
export function paginateIds<T>(options: { ids: number[]; args: PageArgs; load: (id: number) => T; unbounded?: boolean }): Connection<T> {
  const entries = options.ids.map((id) => ({ v: id, id }));
  const known = new Set(options.ids);
  return paginate({ ...options, matches: listMatches(entries), valueOf: (id) => (known.has(id) ? id : undefined) });
}

/** A connection over a small in-memory list of records with numeric ids. */
export function paginateRecords<R extends { id: number }, T>(records: R[], args: PageArgs, map: (r: R) => T, unbounded = false): Connection<T> {
  const byId = new Map(records.map((r) => [r.id, r]));
  return paginateIds({ ids: [...byId.keys()], args, load: (id) => map(byId.get(id)!), unbounded });
}

/** Matches over a small list of entries. */
export function listMatches(entries: Entry<number>[]): Matches {
  const segments = segmentOf(entries);
  return (bounds) => clip(segments, bounds.after, bounds.before);
}
