// Turns a parsed search and a sort key into index reads. One AND-group made only of id / created_at /
// updated_at comparisons and partition terms (status, …) is a range search: O(log n + page) in any sort
// order with an index. A group with an exact term on an indexed field (sku, barcode, tag, title, …) reads
// those candidates and filters them: O(matches). Anything else (OR, negations, free text, fields without an
// index) filters the narrowest range it has, the whole catalog at worst.
import { countOf, take, type RangeIndex } from "../core/range-index";
import type { SortValue } from "../core/sorted-run";
import { listMatches, type Matches } from "./connection";
import { comparable, matchesTerm, type FieldAccessors, type SearchQuery, type SearchTerm } from "./search-query";
import { seconds, type ResourceIndex } from "./shop-index";

export type SortSpec = { by: "id" } | { by: "updated" } | { by: "extra"; key: string };

export interface SearchSpec<T> {
  index: ResourceIndex;
  load(id: number): T | undefined;
  fields: FieldAccessors<T>;
  freeText(item: T): string;
  created(item: T): string;
  updated(item: T): string;
  /** the value the index keeps for an extra sort key (e.g. the lowercased title) */
  extra?(item: T, key: string): SortValue;
  /** exact-value lookups that yield candidate ids (O(matches)) */
  lookups: Record<string, (value: string) => number[] | undefined>;
  /** the disjoint partitions a group's terms select, and the terms that did it; null: the `base` partitions */
  partitions?(group: SearchTerm[]): { keys: string[]; used: SearchTerm[] } | null;
  /** partitions when no term picks any (default: everything) */
  base?: string[];
  /** a constraint the base partitions stand for, checked on candidates */
  accept?(item: T): boolean;
}

interface Ranges { id: { ge?: number; le?: number }; updated: { ge?: number; le?: number } }

const TIME_FIELDS = new Set(["created_at", "updated_at"]);

/** A comparison on id / created_at / updated_at as inclusive bounds in whole seconds (or ids). */
function asRange(term: SearchTerm): { field: "id" | "created" | "updated"; ge?: number; le?: number } | null {
  if (term.negate || term.prefix || term.field === null) return null;
  if (term.field === "id" && term.op === "=" && /^\d+$/.test(term.value)) return { field: "id", ge: Number(term.value), le: Number(term.value) };
  if (term.op === "=" || (term.field !== "id" && !TIME_FIELDS.has(term.field))) return null;
  const b = comparable(term.value);
  if (Number.isNaN(b)) return null;
  const field = term.field === "id" ? "id" : term.field === "created_at" ? "created" : "updated";
  // ids compare as numbers; times as ms, against values that are whole seconds
  const x = field === "id" ? b : b / 1000;
  if (term.op === ">") return { field, ge: Math.floor(x) + 1 };
  if (term.op === ">=") return { field, ge: Math.ceil(x) };
  if (term.op === "<") return { field, le: Math.ceil(x) - 1 };
  return { field, le: Math.floor(x) };
}

const tighten = (r: { ge?: number; le?: number }, x: { ge?: number; le?: number }) => {
  if (x.ge !== undefined) r.ge = Math.max(r.ge ?? -Infinity, x.ge);
  if (x.le !== undefined) r.le = Math.min(r.le ?? Infinity, x.le);
};

export function sortValue<T>(spec: SearchSpec<T>, sort: SortSpec, id: number, item: T): SortValue {
  return sort.by === "id" ? id : sort.by === "updated" ? seconds(spec.updated(item)) : spec.extra!(item, sort.key);
}

/** The matches of a search in the order of `sort`, and each record's sort value for cursors. */
export function searchMatches<T>(spec: SearchSpec<T>, query: SearchQuery, sort: SortSpec): { matches: Matches; valueOf: (id: number) => SortValue | undefined } {
  const valueOf = (id: number) => {
    const item = spec.load(id);
    return item === undefined ? undefined : sortValue(spec, sort, id, item);
  };
  const groups = query.length ? query : [[]];
  if (groups.length === 1) {
    const fast = rangeSearch(spec, groups[0]!, sort);
    if (fast) return { matches: fast, valueOf };
  }
  // candidates: each group's narrowest source, then every term of the group checked on each record
  const ids = new Set<number>();
  for (const group of groups) for (const id of candidates(spec, group)) ids.add(id);
  const entries = [];
  for (const id of ids) {
    const item = spec.load(id);
    if (item === undefined || (spec.accept && !spec.accept(item))) continue;
    if (!groups.some((g) => g.every((t) => matchesTerm(item, t, spec.fields, spec.freeText)))) continue;
    entries.push({ v: sortValue(spec, sort, id, item), id });
  }
  entries.sort((a, b) => (a.v !== b.v ? (a.v < b.v ? -1 : 1) : a.id - b.id));
  return { matches: listMatches(entries), valueOf };
}

interface Split { ranges: Ranges; partitions: string[]; rest: SearchTerm[] }

function split<T>(spec: SearchSpec<T>, group: SearchTerm[]): Split {
  const ranges: Ranges = { id: {}, updated: {} };
  const rest: SearchTerm[] = [];
  for (const term of group) {
    const r = asRange(term);
    if (!r) rest.push(term);
    else if (r.field === "created") tighten(ranges.id, createdToIds(spec, r));
    else tighten(ranges[r.field], r);
  }
  const picked = spec.partitions?.(rest) ?? null;
  return { ranges, partitions: picked?.keys ?? spec.base ?? [""], rest: picked ? rest.filter((t) => !picked.used.includes(t)) : rest };
}

/** Everything a group asks for as index ranges, when it can be said that way; null otherwise. */
function rangeSearch<T>(spec: SearchSpec<T>, group: SearchTerm[], sort: SortSpec): Matches | null {
  const { ranges, partitions, rest } = split(spec, group);
  if (rest.length) return null;
  const has = (r: { ge?: number; le?: number }) => r.ge !== undefined || r.le !== undefined;
  const orientation = sort.by === "extra" ? sort.key : sort.by;
  // an extra sort key's index has no id dimension, and filters by updatedAt only when it says so
  if (sort.by === "extra" && (has(ranges.id) || (has(ranges.updated) && !spec.index.filters(sort.key)))) return null;
  const indexes = partitions.map((p) => spec.index.index(orientation, p)).filter((x): x is RangeIndex<number> => !!x);
  const query = sort.by === "id" ? { v: ranges.id, b: ranges.updated } : sort.by === "updated" ? { v: ranges.updated, b: ranges.id } : { b: ranges.updated };
  return (bounds) => indexes.flatMap((ix) => ix.segments({ ...query, ...bounds }));
}

/** The ids a group can only match among: its most selective exact lookup, else its ranges, else everything. */
function candidates<T>(spec: SearchSpec<T>, group: SearchTerm[]): Iterable<number> {
  let best: number[] | null = null;
  for (const term of group) {
    if (term.negate || term.field === null || term.op !== "=") continue;
    let ids: number[] | undefined;
    if (term.field === "title" && spec.index.index("TITLE", "")) ids = titleLookup(spec.index, term);
    else if (!term.prefix && spec.lookups[term.field]) ids = spec.lookups[term.field]!(term.value) ?? [];
    if (ids && (!best || ids.length < best.length)) best = ids;
  }
  if (best) return best;
  const { ranges, partitions } = split(spec, group);
  const indexes = partitions.map((p) => spec.index.index("id", p)).filter((x): x is RangeIndex<number> => !!x);
  const segments = indexes.flatMap((ix) => ix.segments({ v: ranges.id, b: ranges.updated }));
  return take(segments, { limit: countOf(segments) }).entries.map((e) => e.id);
}

/** `title:x` and `title:x*` match lowercased titles exactly or by prefix: a range of the TITLE index. */
function titleLookup(index: ResourceIndex, term: SearchTerm): number[] {
  const want = term.value.toLowerCase();
  const segments = index.index("TITLE", "")!.segments({ v: { ge: want, le: term.prefix ? `${want}\uffff` : want } });
  return take(segments, { limit: countOf(segments) }).entries.map((e) => e.id);
}

/** created_at bounds as id bounds: createdAt never decreases as ids grow (shop-index.ts creationTime). */
function createdToIds<T>(spec: SearchSpec<T>, r: { ge?: number; le?: number }): { ge?: number; le?: number } {
  const all = spec.index.all.all;
  const createdAt = (rank: number) => {
    const id = all.at(rank).id;
    return seconds(spec.created(spec.load(id)!));
  };
  // first rank whose createdAt passes `ok`, by binary search over the id order
  const firstRank = (ok: (t: number) => boolean) => {
    let lo = 0;
    let hi = all.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(createdAt(mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const out: { ge?: number; le?: number } = {};
  if (r.ge !== undefined) {
    const rank = firstRank((t) => t >= r.ge!);
    out.ge = rank < all.size ? all.at(rank).id : Infinity;
  }
  if (r.le !== undefined) {
    const rank = firstRank((t) => t > r.le!) - 1;
    out.le = rank >= 0 ? all.at(rank).id : -Infinity;
  }
  return out;
}
