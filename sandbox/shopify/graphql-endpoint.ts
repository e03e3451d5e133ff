// POST /shopify/{shop}/admin/api/2026-10/graphql.json: token check, parse and validate against the
// real schema, cost and throttling, execution, then webhooks for what the mutations changed.
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError } from "graphql";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { queryCost } from "./cost";
import { runQuery } from "./executor";
import type { GqlContext } from "./gql-context";
import { authenticate } from "./oauth";
import { loadShopifySchema } from "./schema-cache";
import { shopifyState, type ShopRec } from "./state";
import { maxQueryCost, refund, take, type ThrottleStatus } from "./throttle";

export const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
const idempotencyKeys = new WeakMap<ShopRec, Map<string, GqlContext["idempotency"]>>();

/** graphql-js validation messages in the wording Shopify (graphql-ruby) uses for the common cases. */
export function shopifyValidationError(e: GraphQLError): GraphQLFormattedError {
  const f = e.toJSON();
  let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(e.message);
  if (m) return { message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, locations: f.locations, extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] } };
  m = /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./.exec(e.message);
  if (m) return { message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`, locations: f.locations, extensions: { code: "argumentNotAccepted", name: m[2], argumentName: m[1] } };
  m = /^Field "(\w+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./.exec(e.message);
  if (m) return { message: `Field '${m[1]}' is missing required arguments: ${m[2]}`, locations: f.locations, extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] } };
  return { message: e.message, locations: f.locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

function answer(body: Record<string, unknown>, shop: ShopRec, code?: string): SandboxResponse {
  return { status: 200, body, logRoute: "POST /admin/api/2026-10/graphql.json", logShop: shop.domain, logCode: code };
}

export async function graphqlEndpoint(req: SandboxRequest, ctx: SandboxContext, shop: ShopRec): Promise<SandboxResponse> {
  const auth = authenticate(req, ctx, shop);
  if (!auth) return { status: 401, body: { errors: INVALID_TOKEN }, logShop: shop.domain, logCode: 401 };
  if (req.method !== "POST") return { status: 405, body: { errors: "Method Not Allowed" }, logShop: shop.domain };
  const st = shopifyState(ctx);
  let payload = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if ((req.headers["content-type"] ?? "").startsWith("application/graphql")) payload = { query: req.rawBody.toString("utf8") };
  const query = payload?.query;
  if (typeof query !== "string" || query.trim() === "") return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } }, logShop: shop.domain, logCode: 400 };
  const variables = payload?.variables && typeof payload.variables === "object" ? (payload.variables as Record<string, unknown>) : null;
  const operationName = typeof payload?.operationName === "string" ? payload.operationName : null;
  const schema = loadShopifySchema();
  const bucketArgs = { ctx, st, shop, clientId: auth.clientId };
  const costExt = (requested: number, actual: number | null, status: ThrottleStatus) => ({ cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status } });
  const refused = (errors: GraphQLFormattedError[], code: string, requested = 0) => {
    const status = take({ ...bucketArgs, cost: 0 }).status;
    return answer({ errors, extensions: costExt(requested, null, status) }, shop, code);
  };

  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    const e = err as GraphQLError;
    return refused([{ message: e.message, locations: e.locations }], "PARSE_ERROR");
  }
  const invalid = validate(schema, document);
  if (invalid.length) return refused(invalid.map(shopifyValidationError), "GRAPHQL_VALIDATION_FAILED");

  const requested = queryCost({ schema, document, operationName, variables });
  if (requested.problems.length) return refused(requested.problems.map((p) => ({ message: p.message, path: p.path, extensions: { code: p.code } })), "BAD_REQUEST", requested.cost);
  const max = maxQueryCost(ctx);
  if (requested.cost > max) {
    return refused([{
      message: `Query cost is ${requested.cost}, which exceeds the single query max cost limit (${max}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
      extensions: { code: "MAX_COST_EXCEEDED", cost: requested.cost, maxCost: max },
    }], "MAX_COST_EXCEEDED", requested.cost);
  }
  const taken = take({ ...bucketArgs, cost: requested.cost });
  if (!taken.ok) {
    ctx.save();
    return answer({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }], extensions: costExt(requested.cost, null, taken.status) }, shop, "THROTTLED");
  }

  let byApp = idempotencyKeys.get(shop);
  if (!byApp) idempotencyKeys.set(shop, (byApp = new Map()));
  let idempotency = byApp.get(auth.clientId);
  if (!idempotency) byApp.set(auth.clientId, (idempotency = new Map()));
  const g: GqlContext = { ctx, st, shop, clientId: auth.clientId, scope: auth.scope, baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`, bulk: false, after: [], idempotency, search: [] };
  const result = runQuery({ schema, document, g, variables, operationName });
  const actual = queryCost({ schema, document, operationName, variables, data: result.data ?? null }).cost;
  const status = refund({ ...bucketArgs, amount: requested.cost - actual });
  for (const fn of g.after) fn();
  ctx.save();
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
  if (result.data !== undefined) body.data = result.data;
  body.extensions = { ...costExt(requested.cost, actual, status), ...(g.search.length ? { search: g.search } : {}) };
  const firstCode = result.errors?.[0]?.extensions?.code;
  return answer(body, shop, typeof firstCode === "string" ? firstCode : operationName ?? undefined);
}
