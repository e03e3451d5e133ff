// A subset of Shopify's search syntax: `field:value` terms (quoted values, `*` prefix match,
// `:>`, `:>=`, `:<`, `:<=` comparisons, `-field:value` negation), implicit AND, and OR.
// Parentheses are not supported. Unknown fields are ignored with a warning, as Shopify does.
export interface SearchTerm { field: string | null; op: "=" | ">" | ">=" | "<" | "<="; value: string; negate: boolean; prefix: boolean; phrase?: boolean }
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
  if (!m) return { field: null, op: "=", value: unquote(token), negate: false, prefix: false, phrase: unquote(token) !== token };
  let value = unquote(m[4]!);
  const phrase = value !== m[4];
  const prefix = !phrase && value.endsWith("*");
  if (prefix) value = value.slice(0, -1);
  return { field: m[2]!.toLowerCase(), op: (m[3] || "=") as SearchTerm["op"], value, negate: m[1] === "-", prefix, phrase };
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
    const b = comparable(term.value);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return term.op === ">" ? a > b : term.op === ">=" ? a >= b : term.op === "<" ? a < b : a <= b;
  }
  const s = String(v).toLowerCase();
  const want = term.value.toLowerCase();
  return term.prefix ? s.startsWith(want) : s === want;
}

/** The number a comparison term compares with: a number as written, else a date in ms (NaN when neither). */
export function comparable(value: string): number {
  return Number.isNaN(Number(value)) ? Date.parse(value) : Number(value);
}
