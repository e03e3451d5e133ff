// Mutation root: commerce mutations, fulfillment holds, plus webhook subscriptions and bulk operations.
import type { GraphQLSchema } from "graphql";
import { runBulkQuery } from "./bulk";
import { gid, iso, parseGid } from "./ids";
import { userError, type GqlContext } from "./gql-context";
import { holdMutations } from "./fulfillment-holds";
import { commerceMutations } from "./mutations-commerce";
import { nextId, type WebhookSubRec } from "./state";
import { bulkOperationView, webhookSubscriptionView } from "./views-admin";

function webhookSubscriptionCreate(args: { topic: string; webhookSubscription: { uri?: string | null; format?: "JSON" | "XML" | null; filter?: string | null; includeFields?: string[] | null } }, g: GqlContext): unknown {
  const uri = args.webhookSubscription.uri ?? "";
  const fail = (message: string) => ({ webhookSubscription: null, userErrors: [userError(["webhookSubscription", "callbackUrl"], message)] });
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return fail("Address is invalid");
  }
  // Shopify also accepts pubsub:// and arn:aws:events: URIs; the sandbox delivers over HTTP(S) only.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail("Address protocol https:// is the only supported protocol by the sandbox");
  if (Object.values(g.shop.webhooks).some((s) => s.clientId === g.clientId && s.topic === args.topic && s.uri === uri)) {
    return fail("Address for this topic has already been taken");
  }
  const now = iso(g.ctx.now());
  const sub: WebhookSubRec = {
    id: nextId(g.st), clientId: g.clientId, topic: args.topic, uri, format: args.webhookSubscription.format ?? "JSON", createdAt: now, updatedAt: now,
    filter: args.webhookSubscription.filter ?? null, includeFields: args.webhookSubscription.includeFields ?? [],
  };
  g.shop.webhooks[sub.id] = sub;
  return { webhookSubscription: webhookSubscriptionView(sub), userErrors: [] };
}

function webhookSubscriptionDelete(args: { id: string }, g: GqlContext): unknown {
  const id = parseGid(args.id, "WebhookSubscription")?.id ?? -1;
  const sub = g.shop.webhooks[id];
  if (!sub || sub.clientId !== g.clientId) return { deletedWebhookSubscriptionId: null, userErrors: [userError(["id"], "Webhook subscription does not exist")] };
  delete g.shop.webhooks[id];
  return { deletedWebhookSubscriptionId: gid("WebhookSubscription", id), userErrors: [] };
}

export function mutationRoot(g: GqlContext, schema: GraphQLSchema): Record<string, unknown> {
  return {
    ...commerceMutations,
    ...holdMutations,
    webhookSubscriptionCreate,
    webhookSubscriptionDelete,
    bulkOperationRunQuery: (args: { query: string; groupObjects: boolean }) => {
      const result = runBulkQuery(g, schema, args.query);
      if ("error" in result) return { bulkOperation: null, userErrors: [userError(["query"], result.error, "INVALID")] };
      // The answer shows the operation as just created, as Shopify's does; poll node(id:) for the result.
      const view = bulkOperationView({ ...result.op, status: "CREATED", completedAt: null, objectCount: 0, rootObjectCount: 0, fileSize: null, fileKey: null }, g.baseUrl);
      return { bulkOperation: view, userErrors: [] };
    },
    bulkOperationCancel: (args: { id: string }) => {
      const op = g.shop.bulkOps[parseGid(args.id, "BulkOperation")?.id ?? -1];
      if (!op || op.clientId !== g.clientId) return { bulkOperation: null, userErrors: [userError(["id"], "Bulk operation does not exist")] };
      return { bulkOperation: bulkOperationView(op, g.baseUrl), userErrors: [userError(null, `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`)] };
    },
  };
}
