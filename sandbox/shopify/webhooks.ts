// Outgoing Shopify webhooks: REST-style JSON bodies signed with the app's client secret
// (base64 HMAC-SHA256 of the raw body), the real X-Shopify-* headers, retries on non-200.
import crypto from "node:crypto";
import type { SandboxContext } from "../core/platform";
import { iso } from "./ids";
import { SHOPIFY_API_VERSION } from "./schema-cache";
import type { ShopRec } from "./state";
import { shopifyConfig } from "./config";

/** GraphQL enum ↔ REST topic for the topics whose resource name holds an underscore. */
const SPECIAL: Record<string, string> = {
  INVENTORY_LEVELS_UPDATE: "inventory_levels/update", INVENTORY_LEVELS_CONNECT: "inventory_levels/connect",
  INVENTORY_LEVELS_DISCONNECT: "inventory_levels/disconnect", INVENTORY_ITEMS_UPDATE: "inventory_items/update",
  INVENTORY_ITEMS_CREATE: "inventory_items/create", INVENTORY_ITEMS_DELETE: "inventory_items/delete",
  ORDERS_PARTIALLY_FULFILLED: "orders/partially_fulfilled", FULFILLMENT_ORDERS_CANCELLED: "fulfillment_orders/cancelled",
};

export function topicToRest(topic: string): string {
  return SPECIAL[topic] ?? topic.toLowerCase().replace(/_([a-z]+)$/, "/$1");
}

export const PRIVACY_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export function signWebhook(body: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

function clientSecret(ctx: SandboxContext, clientId: string): string | null {
  const app = ctx.apps("shopify")[clientId];
  return typeof app?.clientSecret === "string" ? app.clientSecret : null;
}

export function deliver(options: { ctx: SandboxContext; shop: ShopRec; clientId: string; url: string; topic: string; payload: unknown }): boolean {
  const { ctx, shop, clientId, url, topic, payload } = options;
  const secret = clientSecret(ctx, clientId);
  if (!secret) return false;
  const body = JSON.stringify(payload);
  const webhookId = crypto.randomUUID();
  ctx.sendWebhook({
    platform: "shopify",
    url,
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": signWebhook(body, secret),
      "x-shopify-shop-domain": shop.domain,
      "x-shopify-webhook-id": webhookId,
      "x-shopify-event-id": crypto.randomUUID(),
      "x-shopify-api-version": SHOPIFY_API_VERSION,
      "x-shopify-triggered-at": iso(ctx.now()),
    },
    retrySeconds: shopifyConfig(ctx).webhookRetrySeconds,
    acceptStatuses: [200],
    timeoutMs: 5000,
    logRoute: `webhook ${topic}`,
    logShop: shop.domain,
    logCode: topic,
  });
  return true;
}

/** Sends `topic` to every subscription on the shop (all installed apps), or only `clientId`'s. Returns how many were queued. */
export function emitWebhook(options: { ctx: SandboxContext; shop: ShopRec; topic: string; payload: unknown; clientId?: string }): number {
  const { ctx, shop, topic, payload } = options;
  let sent = 0;
  for (const sub of Object.values(shop.webhooks)) {
    if (topicToRest(sub.topic) !== topic) continue;
    if (options.clientId && sub.clientId !== options.clientId) continue;
    if (!shop.installs[sub.clientId]) continue;
    if (deliver({ ctx, shop, clientId: sub.clientId, url: sub.uri, topic, payload })) sent += 1;
  }
  return sent;
}

/** Privacy topics go to each app's configured compliance address, not to GraphQL subscriptions. */
export function emitPrivacyWebhook(options: { ctx: SandboxContext; shop: ShopRec; topic: string; payload: unknown; clientIds: string[] }): number {
  let sent = 0;
  for (const clientId of options.clientIds) {
    const url = options.ctx.apps("shopify")[clientId]?.complianceWebhookUrl;
    if (typeof url !== "string") continue;
    if (deliver({ ...options, clientId, url })) sent += 1;
  }
  return sent;
}
