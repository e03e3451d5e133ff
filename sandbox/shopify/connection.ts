// Relay connections over id lists (ascending), paged by binary search so a page costs O(log n + page).
import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor } from "./ids";
import { lowerBound, upperBound } from "./shop-index";

export interface PageArgs { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }
export const MAX_PAGE = 250;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function cursorId(cursor: string | null | undefined, name: string): number | null {
  if (cursor === null || cursor === undefined) return null;
  const id = decodeCursor(cursor);
  if (id === null) throw new GraphQLError(`Invalid cursor for ${name} argument.`, { extensions: { code: "INVALID_CURSOR" } });
  return id;
}

/**
 * `unbounded` is for bulk operations, where connections need no `first`. Otherwise the cost
 * analysis has already refused a connection without first/last; this check is a second guard.
 */
export function paginate<T>(options: { ids: number[]; args: PageArgs; load: (id: number) => T; unbounded?: boolean }): Connection<T> {
  const { args, load } = options;
  const reverse = Boolean(args.reverse);
  const limit = args.first ?? args.last ?? (options.unbounded ? Infinity : null);
  if (limit === null) throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  if (limit < 0) throw new GraphQLError("first and last must be non-negative", { extensions: { code: "BAD_REQUEST" } });
  // Work on ascending positions; "forward" means ascending unless reverse.
  const ids = options.ids;
  const afterId = cursorId(args.after, "after");
  const beforeId = cursorId(args.before, "before");
  let lo = 0;
  let hi = ids.length; // window [lo, hi) in ascending order
  if (!reverse) {
    if (afterId !== null) lo = upperBound(ids, afterId);
    if (beforeId !== null) hi = lowerBound(ids, beforeId);
  } else {
    if (afterId !== null) hi = lowerBound(ids, afterId);
    if (beforeId !== null) lo = upperBound(ids, beforeId);
  }
  hi = Math.max(lo, hi);
  const fromStart = args.first !== null && args.first !== undefined ? true : args.last !== null && args.last !== undefined ? false : true;
  // Forward-from-start in display order = ascending from lo, or descending from hi when reversed.
  const takeLow = fromStart !== reverse;
  const count = Math.min(limit, hi - lo);
  const start = takeLow ? lo : hi - count;
  const slice = ids.slice(start, start + count);
  if (reverse) slice.reverse();
  const edges = slice.map((id) => ({ cursor: encodeCursor(id), node: load(id) }));
  const moreLow = start > 0;
  const moreHigh = start + count < ids.length;
  const hasNextPage = reverse ? moreLow : moreHigh;
  const hasPreviousPage = reverse ? moreHigh : moreLow;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** A connection over a small in-memory list of records with numeric ids. */
export function paginateRecords<R extends { id: number }, T>(records: R[], args: PageArgs, map: (r: R) => T, unbounded = false): Connection<T> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const ids = records.map((r) => r.id).sort((a, b) => a - b);
  return paginate({ ids, args, load: (id) => map(byId.get(id)!), unbounded });
}
