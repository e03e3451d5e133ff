// A subset of Shopify's search syntax: `field:value` terms (quoted values, `*` prefix match,
// `:>`, `:>=`, `:<`, `:<=` comparisons, `-field:value` negation), implicit AND, and OR.
// Parentheses are not supported. Unknown fields are ignored with a warning, as Shopify does.
export interface SearchTerm { field: string | null; op: "=" | ">" | ">=" | "<" | "<="; value: string; negate: boolean; prefix: boolean }
/** OR of AND-groups. An empty array means "everything". */
export type SearchQuery = SearchTerm[][];

export function parseSearch(input: string | null | undefined): SearchQuery {
  const text = (input ?? "").trim();
  if (!text) return [];
  const tokens = text.match(/-?[A-Za-z_.]+:(?:[<>]=?)?(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|'[^']*'|\S+/g) ?? [];
  const groups: SearchTerm[][] = [[]];
  for (const token of tokens) {
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "AND") continue;
    groups[groups.length - 1]!.push(parseTerm(token));
  }
  return groups.filter((g) => g.length > 0);
}

function unquote(v: string): string {
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function parseTerm(token: string): SearchTerm {
  const m = /^(-?)([A-Za-z_.]+):((?:[<>]=?)?)(.*)$/.exec(token);
  if (!m) return { field: null, op: "=", value: unquote(token), negate: false, prefix: false };
  let value = unquote(m[4]!);
  const prefix = value.endsWith("*");
  if (prefix) value = value.slice(0, -1);
  return { field: m[2]!.toLowerCase(), op: (m[3] || "=") as SearchTerm["op"], value, negate: m[1] === "-", prefix };
}

/** Accessors per filterable field; returning values lets one term match any of them. */
export type FieldAccessors<T> = Record<string, (item: T) => string | number | null | (string | null)[]>;

export function matchesTerm<T>(item: T, term: SearchTerm, fields: FieldAccessors<T>, freeText: (item: T) => string): boolean {
  const ok = (() => {
    if (term.field === null) return freeText(item).toLowerCase().includes(term.value.toLowerCase());
    const get = fields[term.field];
    if (!get) return true;
    const raw = get(item);
    const values = Array.isArray(raw) ? raw : [raw];
    return values.some((v) => compare(v, term));
  })();
  return term.negate ? !ok : ok;
}

function compare(v: string | number | null, term: SearchTerm): boolean {
  if (v === null) return false;
  if (term.op !== "=") {
    const a = typeof v === "number" ? v : Date.parse(v);
    const b = Number.isNaN(Number(term.value)) ? Date.parse(term.value) : Number(term.value);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return term.op === ">" ? a > b : term.op === ">=" ? a >= b : term.op === "<" ? a < b : a <= b;
  }
  const s = String(v).toLowerCase();
  const want = term.value.toLowerCase();
  return term.prefix ? s.startsWith(want) : s === want;
}

export function unknownFields<T>(q: SearchQuery, fields: FieldAccessors<T>): string[] {
  return q.flat().filter((t) => t.field !== null && !(t.field in fields)).map((t) => t.field!);
}

/**
 * Filters ids (ascending) by the query. When every AND-group has an exact term on an indexed field,
 * candidates come from the index (O(matches)); otherwise the whole list is scanned.
 */
export function searchIds<T>(options: {
  query: SearchQuery; all: number[]; load: (id: number) => T | undefined; fields: FieldAccessors<T>;
  freeText: (item: T) => string; indexed: Record<string, (value: string) => number[] | undefined>;
}): number[] {
  const { query, all, load, fields, freeText, indexed } = options;
  if (query.length === 0) return all;
  const result = new Set<number>();
  for (const group of query) {
    const key = group.find((t) => t.field !== null && indexed[t.field] && t.op === "=" && !t.negate && !t.prefix);
    const candidates = key ? (indexed[key.field!]!(key.value) ?? []) : all;
    for (const id of candidates) {
      const item = load(id);
      if (item !== undefined && group.every((t) => matchesTerm(item, t, fields, freeText))) result.add(id);
    }
  }
  if (query.length === 1) return [...result];
  return [...result].sort((a, b) => a - b);
}
