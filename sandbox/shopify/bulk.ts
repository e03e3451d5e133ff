// bulkOperationRunQuery: the query runs with unbounded connections and its result is flattened
// into Shopify's JSONL format (one line per node; nested connection nodes carry __parentId).
import crypto from "node:crypto";
import { getNamedType, isObjectType, Kind, parse, validate, type DocumentNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from "graphql";
import type { GqlContext } from "./gql-context";
import { iso } from "./ids";
import { runQuery } from "./executor";
import { nextId, type BulkOpRec } from "./state";

/** Results live in memory (like Shopify's signed URLs they are not meant to last); lost on restart or reset. */
export const bulkFiles = new Map<string, string>();

const isConnection = (t: GraphQLNamedType) => isObjectType(t) && t.name.endsWith("Connection") && "edges" in t.getFields();

/** Shopify's static checks on a bulk query. Returns an error message or null. */
function checkShape(schema: GraphQLSchema, doc: DocumentNode): string | null {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1 || ops[0]!.operation !== "query") return "Bulk queries must contain exactly one query operation.";
  if (doc.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION)) return "Fragments are not supported in bulk queries by the sandbox; inline the fields.";
  let connections = 0;
  let problem: string | null = null;
  const walk = (set: SelectionSetNode | undefined, parent: GraphQLNamedType, depth: number, parentIsNode: boolean) => {
    if (!set || !isObjectType(parent)) return;
    for (const sel of set.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      const def = parent.getFields()[sel.name.value];
      if (!def) continue;
      const type = getNamedType(def.type);
      if (isConnection(type)) {
        connections += 1;
        if (depth >= 2) problem ??= "Bulk queries cannot contain connections with a nesting depth greater than 2.";
        if (depth >= 1 && parentIsNode && !set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id" && !s.alias)) {
          problem ??= `The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'Node' type. Connection field: '${sel.name.value}'.`;
        }
        const nodeType = isObjectType(type) ? getNamedType(type.getFields().nodes?.type ?? def.type) : type;
        for (const inner of sel.selectionSet?.selections ?? []) {
          if (inner.kind !== Kind.FIELD) continue;
          if (inner.name.value === "nodes") walk(inner.selectionSet, nodeType, depth + 1, true);
          if (inner.name.value === "edges") {
            for (const e of inner.selectionSet?.selections ?? []) if (e.kind === Kind.FIELD && e.name.value === "node") walk(e.selectionSet, nodeType, depth + 1, true);
          }
        }
      } else walk(sel.selectionSet, type, depth, false);
    }
  };
  walk(ops[0]!.selectionSet, schema.getQueryType()!, 0, false);
  if (connections === 0) return "Bulk queries must contain at least one connection.";
  if (connections > 5) return "Bulk queries cannot contain more than 5 connections.";
  return problem;
}

type Json = Record<string, unknown>;
const connectionNodes = (v: unknown): Json[] | null => {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const c = v as { edges?: { node?: Json }[]; nodes?: Json[] };
  if (Array.isArray(c.edges)) return c.edges.map((e) => e.node).filter((n): n is Json => Boolean(n));
  if (Array.isArray(c.nodes)) return c.nodes;
  return null;
};

export function flattenToJsonl(data: Json): { lines: string[]; roots: number } {
  const lines: string[] = [];
  let roots = 0;
  const emit = (nodes: Json[], parentId: string | null) => {
    for (const node of nodes) {
      const own: Json = {};
      const nested: Json[][] = [];
      for (const [k, v] of Object.entries(node)) {
        const inner = connectionNodes(v);
        if (inner) nested.push(inner);
        else own[k] = v;
      }
      if (parentId) own.__parentId = parentId;
      else roots += 1;
      lines.push(JSON.stringify(own));
      for (const inner of nested) emit(inner, typeof node.id === "string" ? node.id : null);
    }
  };
  const visit = (obj: Json) => {
    for (const v of Object.values(obj)) {
      const nodes = connectionNodes(v);
      if (nodes) emit(nodes, null);
      else if (v && typeof v === "object" && !Array.isArray(v)) visit(v as Json);
    }
  };
  visit(data);
  return { lines, roots };
}

export function runBulkQuery(g: GqlContext, schema: GraphQLSchema, query: string): { op: BulkOpRec } | { error: string } {
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (err) {
    return { error: `Invalid bulk query: ${(err as Error).message}` };
  }
  const invalid = validate(schema, doc);
  if (invalid.length) return { error: `Invalid bulk query: ${invalid.map((e) => e.message).join("; ")}` };
  const shape = checkShape(schema, doc);
  if (shape) return { error: shape };
  const result = runQuery({ schema, document: doc, g: { ...g, bulk: true, after: [], search: [] } });
  if (result.errors?.length) return { error: `Bulk query failed in the sandbox: ${result.errors.map((e) => e.message).join("; ")}` };
  const { lines, roots } = flattenToJsonl((result.data ?? {}) as Json);
  const body = lines.length ? `${lines.join("\n")}\n` : "";
  const fileKey = `${g.shop.domain.replace(/\..*/, "")}-${crypto.randomBytes(12).toString("hex")}`;
  bulkFiles.set(fileKey, body);
  const now = iso(g.ctx.now());
  const op: BulkOpRec = {
    id: nextId(g.st), clientId: g.clientId, status: "COMPLETED", query, createdAt: now, completedAt: now,
    objectCount: lines.length, rootObjectCount: roots, fileSize: Buffer.byteLength(body), fileKey, errorCode: null,
  };
  g.shop.bulkOps[op.id] = op;
  return { op };
}

export function bulkFileResponseBody(path: string): string | null {
  const m = /^\/shopify\/files\/bulk\/([a-z0-9-]+)\.jsonl$/.exec(path);
  return m ? (bulkFiles.get(m[1]!) ?? null) : null;
}

