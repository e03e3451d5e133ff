// Shopify's calculated query cost: scalars and enums 0, objects 1, connections 2 + first/last × the
// cost of one node, mutation fields 10. The same walk over the response data gives the actual cost.
import {
  getNamedType, getOperationAST, isAbstractType, isLeafType, isObjectType, Kind, valueFromAST,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode,
} from "graphql";
import { MAX_PAGE } from "./connection";

export interface CostProblem { message: string; path: string[]; code: string }

const isConnection = (t: GraphQLNamedType) => isObjectType(t) && t.name.endsWith("Connection") && "edges" in t.getFields();

/**
 * `data` undefined → requested cost (and problems such as a connection without first/last);
 * `data` given → actual cost from what was returned.
 */
export function queryCost(options: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null; data?: unknown }): { cost: number; problems: CostProblem[] } {
  const { schema, document } = options;
  const variables = options.variables ?? {};
  const op = getOperationAST(document, options.operationName ?? undefined);
  const problems: CostProblem[] = [];
  if (!op) return { cost: 0, problems };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const actual = options.data !== undefined;

  const args = (field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: never }[] }) => {
    const out: Record<string, unknown> = {};
    for (const a of node.arguments ?? []) {
      const def = field.args.find((x) => x.name === a.name.value);
      if (def) out[a.name.value] = valueFromAST(a.value, def.type, variables as never);
    }
    return out;
  };

  const selectionCost = (set: SelectionSetNode | undefined, parent: GraphQLNamedType, data: unknown, path: string[], isMutationRoot = false): number => {
    if (!set) return 0;
    if (actual && (data === null || data === undefined)) return 0;
    if (Array.isArray(data)) return data.reduce<number>((n, item) => n + selectionCost(set, parent, item, path, isMutationRoot), 0);
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
        if (!frag) continue;
        const cond = frag.typeCondition ? schema.getType(frag.typeCondition.name.value) : parent;
        if (actual && cond && (data as { __typename?: string })?.__typename && isObjectType(cond) && cond.name !== (data as { __typename: string }).__typename) continue;
        total += selectionCost(frag.selectionSet, cond ?? parent, data, path, isMutationRoot);
        continue;
      }
      if (sel.name.value.startsWith("__")) continue;
      const owner = isObjectType(parent) || isAbstractType(parent) ? (parent as GraphQLCompositeType & { getFields?: () => Record<string, GraphQLField<unknown, unknown>> }) : null;
      const field = owner?.getFields?.()[sel.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      const key = sel.alias?.value ?? sel.name.value;
      const value = actual ? (data as Record<string, unknown>)?.[key] : undefined;
      const here = [...path, key];
      if (isMutationRoot) {
        total += 10 + selectionCost(sel.selectionSet, type, value, here);
        continue;
      }
      if (isLeafType(type)) continue;
      if (isConnection(type)) {
        const a = args(field, sel as never) as { first?: number; last?: number };
        const size = a.first ?? a.last;
        if (!actual) {
          if (size === undefined || size === null) problems.push({ message: "you must provide one of first or last", path: here, code: "BAD_REQUEST" });
          else if (size > MAX_PAGE) problems.push({ message: `The value of ${a.first !== undefined ? "first" : "last"} must not exceed ${MAX_PAGE}.`, path: here, code: "BAD_REQUEST" });
        }
        total += 2 + connectionNodesCost(sel.selectionSet, type, value, here, actual ? 0 : (size ?? 0));
        continue;
      }
      if (actual && (value === null || value === undefined)) continue;
      total += (Array.isArray(value) ? value.length : 1) + selectionCost(sel.selectionSet, type, value, here);
    }
    return total;
  };

  const connectionNodesCost = (set: SelectionSetNode | undefined, conn: GraphQLNamedType, value: unknown, path: string[], size: number): number => {
    if (!set || !isObjectType(conn)) return 0;
    const nodeType = getNamedType(conn.getFields().nodes?.type ?? conn.getFields().edges!.type);
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      const key = sel.alias?.value ?? sel.name.value;
      const items = actual ? ((value as Record<string, unknown[]> | null)?.[key] ?? []) : null;
      if (sel.name.value === "nodes") {
        total += actual ? items!.reduce<number>((n, item) => n + 1 + selectionCost(sel.selectionSet, nodeType, item, [...path, key]), 0) : size * (1 + selectionCost(sel.selectionSet, nodeType, undefined, [...path, key]));
      } else if (sel.name.value === "edges") {
        const per = (edge: unknown) => {
          let c = 0;
          for (const e of sel.selectionSet?.selections ?? []) {
            if (e.kind !== Kind.FIELD || e.name.value !== "node") continue;
            const node = actual ? (edge as Record<string, unknown>)?.[e.alias?.value ?? "node"] : undefined;
            c += 1 + selectionCost(e.selectionSet, nodeType, node, [...path, key, "node"]);
          }
          return c;
        };
        total += actual ? items!.reduce<number>((n, edge) => n + per(edge), 0) : size * per(undefined);
      }
    }
    return total;
  };

  const root = op.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { cost: 0, problems };
  const cost = selectionCost(op.selectionSet, root, actual ? options.data : undefined, [op.operation], op.operation === "mutation");
  return { cost, problems };
}
