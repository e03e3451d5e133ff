// Incoming Shopify webhooks: the signature over the raw body, then the X-Shopify-* headers, then the
// topic against the explicit set Ferry handles. Routes hand over the body bytes exactly as received.
import { z } from "zod";
import { isCanonicalShopDomain } from "./shop-domain";
import { constantTimeEqual, hmacSha256 } from "./signature";
import { isShopifyWebhookTopic, type ShopifyWebhookTopic } from "./topics";

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's client secret. */
export function verifyShopifyWebhook(options: { rawBody: string | Uint8Array; hmacHeader: string | null | undefined; clientSecret: string }): boolean {
  if (!options.hmacHeader) return false;
  const expected = hmacSha256({ secret: options.clientSecret, message: options.rawBody, encoding: "base64" });
  return constantTimeEqual({ expected, received: options.hmacHeader.trim() });
}

export const shopifyWebhookHeadersSchema = z.object({
  "x-shopify-topic": z.string().min(1).max(100),
  "x-shopify-shop-domain": z.string().refine(isCanonicalShopDomain, "not a myshopify.com domain"),
  // Identical on every retry of one delivery: the dedupe key.
  "x-shopify-webhook-id": z.string().min(1).max(200),
  "x-shopify-api-version": z.string().regex(/^(\d{4}-\d{2}|unstable)$/),
  "x-shopify-triggered-at": z.iso.datetime({ offset: true }),
  "x-shopify-event-id": z.string().min(1).max(200).optional(),
});

export interface ShopifyWebhook {
  topic: ShopifyWebhookTopic;
  shop: string;
  webhookId: string;
  apiVersion: string;
  triggeredAt: string;
  eventId?: string;
}

export type ShopifyWebhookCheck =
  | { ok: true; webhook: ShopifyWebhook }
  | { ok: false; reason: "signature" | "headers" | "topic"; message: string };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Verify first (401 on failure), then parse the headers, then refuse topics outside the handled set. */
export function readShopifyWebhook(options: { rawBody: string | Uint8Array; headers: HeaderSource; clientSecret: string }): ShopifyWebhookCheck {
  const { headers } = options;
  if (!verifyShopifyWebhook({ rawBody: options.rawBody, hmacHeader: header(headers, "x-shopify-hmac-sha256"), clientSecret: options.clientSecret })) {
    return { ok: false, reason: "signature", message: "The webhook's signature does not match" };
  }
  const names = Object.keys(shopifyWebhookHeadersSchema.shape) as (keyof typeof shopifyWebhookHeadersSchema.shape)[];
  const parsed = shopifyWebhookHeadersSchema.safeParse(Object.fromEntries(names.map((n) => [n, header(headers, n)])));
  if (!parsed.success) {
    return { ok: false, reason: "headers", message: `Malformed webhook headers: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}` };
  }
  const h = parsed.data;
  const topic = h["x-shopify-topic"];
  if (!isShopifyWebhookTopic(topic)) return { ok: false, reason: "topic", message: `Ferry does not handle the ${topic} topic` };
  return {
    ok: true,
    webhook: {
      topic, shop: h["x-shopify-shop-domain"], webhookId: h["x-shopify-webhook-id"], apiVersion: h["x-shopify-api-version"],
      triggeredAt: h["x-shopify-triggered-at"], eventId: h["x-shopify-event-id"],
    },
  };
}

// Shopify retries a delivery 8 times over 4 hours and keeps X-Shopify-Triggered-At, the time of the
// event, on every retry; its changelog (2024-09-10) says to use that header to spot stale payloads.
// 6 hours = the whole retry span plus 2 hours for Shopify's own queueing and clock differences, so no
// genuine delivery is dropped; shorter than the 30 days delivery ids are kept for dedupe, so a replay
// with its original headers is refused whether or not its id is still stored. A later time (a clock
// ahead of ours) is accepted: only age makes a delivery stale.
export const SHOPIFY_WEBHOOK_MAX_AGE_MS = 6 * 3_600_000;

/** True when the delivery's event is older than any genuine retry can be. */
export function isStaleShopifyWebhook({ triggeredAt, now = Date.now() }: { triggeredAt: string; now?: number }): boolean {
  return now - Date.parse(triggeredAt) > SHOPIFY_WEBHOOK_MAX_AGE_MS;
}
