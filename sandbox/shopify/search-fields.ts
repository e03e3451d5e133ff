// Which search fields a connection takes, as Shopify does: a field the Admin API does not know for this
// connection is left out of the search and reported in `extensions.search[].warnings` ("Invalid search field
// for this query."); a field the Admin API knows but the sandbox does not implement is a GraphQL error naming
// it, never a silently ignored filter. The known fields are the table in the `query` argument's description
// in the real schema.
import { GraphQLError, responsePathAsArray, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { GqlContext } from "./gql-context";
import type { SearchQuery, SearchTerm } from "./search-query";

export interface SearchNotice { path: (string | number)[]; query: string; parsed: unknown; warnings: { field: string; message: string; code: string }[] }

const documented = new Map<string, Set<string>>();

/** The search fields the schema documents for `Type.field(query:)`. */
export function documentedSearchFields(parent: GraphQLObjectType, fieldName: string): Set<string> {
  const key = `${parent.name}.${fieldName}`;
  let names = documented.get(key);
  if (!names) {
    const text = parent.getFields()[fieldName]?.args.find((a) => a.name === "query")?.description ?? "";
    names = new Set([...text.matchAll(/^\| ([a-z][a-z0-9_.]*) \| [a-z]/gm)].map((m) => m[1]!).filter((n) => n !== "name" && n !== "default"));
    documented.set(key, names);
  }
  return names;
}

/**
 * The search with fields Shopify does not know removed (and reported on `g.search`); throws for fields it knows
 * that `implemented` lacks.
 */
export function checkSearchFields(options: { query: SearchQuery; raw: string | null | undefined; implemented: Iterable<string>; info: GraphQLResolveInfo; g: GqlContext }): SearchQuery {
  const { query, info, g } = options;
  const known = documentedSearchFields(info.parentType, info.fieldName);
  const implemented = new Set(options.implemented);
  const unknown: string[] = [];
  for (const term of query.flat()) {
    if (term.field === null || implemented.has(term.field)) continue;
    if (known.has(term.field)) {
      throw new GraphQLError(`Search field '${term.field}' of ${info.parentType.name}.${info.fieldName} is valid in Admin API 2026-10 but not implemented by the Ferry Shopify sandbox (implemented: ${[...implemented].sort().join(", ")}).`, {
        extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX", searchField: term.field },
      });
    }
    if (!unknown.includes(term.field)) unknown.push(term.field);
  }
  if (unknown.length === 0) return query;
  g.search.push({
    path: responsePathAsArray(info.path), query: options.raw ?? "", parsed: parsedForm(query),
    warnings: unknown.map((field) => ({ field, message: "Invalid search field for this query.", code: "invalid_field" })),
  });
  return query.map((group) => group.filter((t) => t.field === null || !unknown.includes(t.field))).filter((group) => group.length > 0);
}

/** The parsed query roughly as Shopify echoes it (its exact shape for ranges is not documented). */
function parsedForm(query: SearchQuery): unknown {
  const term = (t: SearchTerm): unknown => {
    const field = t.field ?? "default";
    const ops = { ">": "range_gt", ">=": "range_gte", "<": "range_lt", "<=": "range_lte", "=": t.phrase ? "match_phrase" : t.prefix ? "match_prefix" : "match_all" } as const;
    const inner = { field, [ops[t.op]]: t.value };
    return t.negate ? { not: inner } : inner;
  };
  const group = (g: SearchTerm[]) => (g.length === 1 ? term(g[0]!) : { and: g.map(term) });
  return query.length === 1 ? group(query[0]!) : { or: query.map(group) };
}
