import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { SHOPIFY_WEBHOOK_TOPICS } from "./topics";
import { readShopifyWebhook, verifyShopifyWebhook } from "./webhooks";

const SECRET = "shpss_webhook_secret";
const BODY = '{"id":788032119674292900,"title":"Example T-Shirt","admin_graphql_api_id":"gid://shopify/Product/788032119674292922"}';
const sign = (body: string | Uint8Array, secret = SECRET) => crypto.createHmac("sha256", secret).update(body).digest("base64");
const headers = (overrides: Record<string, string | undefined> = {}) => ({
  "X-Shopify-Topic": "products/update",
  "X-Shopify-Hmac-Sha256": sign(BODY),
  "X-Shopify-Shop-Domain": "acme.myshopify.com",
  "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
  "X-Shopify-API-Version": "2026-10",
  "X-Shopify-Triggered-At": "2026-11-02T18:00:27.877041743Z",
  "X-Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
  ...overrides,
});

describe("verifyShopifyWebhook", () => {
  it.each<[string, string | Uint8Array, string | null | undefined, boolean]>([
    ["the genuine body", BODY, sign(BODY), true],
    ["the same bytes as a Buffer", Buffer.from(BODY), sign(BODY), true],
    ["a body with a changed value", BODY.replace("Example", "Evil"), sign(BODY), false],
    ["a body re-serialised (whitespace)", JSON.stringify(JSON.parse(BODY), null, 1), sign(BODY), false],
    ["another secret", BODY, sign(BODY, "other"), false],
    ["a hex digest", BODY, crypto.createHmac("sha256", SECRET).update(BODY).digest("hex"), false],
    ["a truncated header", BODY, sign(BODY).slice(0, 20), false],
    ["an empty header", BODY, "", false],
    ["no header", BODY, undefined, false],
  ])("%s → %s", (_label, rawBody, hmacHeader, ok) => {
    expect(verifyShopifyWebhook({ rawBody, hmacHeader, clientSecret: SECRET })).toBe(ok);
  });
});

describe("readShopifyWebhook", () => {
  it("returns the delivery from a Headers object or a plain record", () => {
    const expected = { topic: "products/update", shop: "acme.myshopify.com", webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", apiVersion: "2026-10", triggeredAt: "2026-11-02T18:00:27.877041743Z", eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5" };
    expect(readShopifyWebhook({ rawBody: BODY, headers: new Headers(headers()), clientSecret: SECRET })).toEqual({ ok: true, webhook: expected });
    const lower = Object.fromEntries(Object.entries(headers()).map(([k, v]) => [k.toLowerCase(), v]));
    expect(readShopifyWebhook({ rawBody: BODY, headers: lower, clientSecret: SECRET })).toEqual({ ok: true, webhook: expected });
  });

  it("accepts exactly the handled topics, privacy topics included", () => {
    expect([...SHOPIFY_WEBHOOK_TOPICS].sort()).toEqual([
      "app/uninstalled", "customers/data_request", "customers/redact", "fulfillments/create", "fulfillments/update",
      "inventory_levels/update", "orders/cancelled", "products/delete", "products/update", "shop/redact",
    ]);
    for (const topic of SHOPIFY_WEBHOOK_TOPICS) {
      expect(readShopifyWebhook({ rawBody: BODY, headers: headers({ "X-Shopify-Topic": topic }), clientSecret: SECRET }).ok).toBe(true);
    }
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ["an unknown topic", { "X-Shopify-Topic": "orders/create" }, "topic"],
    ["a topic in GraphQL spelling", { "X-Shopify-Topic": "PRODUCTS_UPDATE" }, "topic"],
    ["a bad signature", { "X-Shopify-Hmac-Sha256": sign("{}") }, "signature"],
    ["no signature", { "X-Shopify-Hmac-Sha256": undefined }, "signature"],
    ["a hostile shop domain", { "X-Shopify-Shop-Domain": "evil.com" }, "headers"],
    ["no webhook id", { "X-Shopify-Webhook-Id": undefined }, "headers"],
    ["no topic", { "X-Shopify-Topic": undefined }, "headers"],
    ["a bad API version", { "X-Shopify-API-Version": "latest" }, "headers"],
    ["a bad triggered-at", { "X-Shopify-Triggered-At": "yesterday" }, "headers"],
  ])("refuses %s", (_label, overrides, reason) => {
    const result = readShopifyWebhook({ rawBody: BODY, headers: headers(overrides), clientSecret: SECRET });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it("checks the signature before trusting any header", () => {
    const result = readShopifyWebhook({ rawBody: BODY, headers: headers({ "X-Shopify-Topic": "orders/create", "X-Shopify-Hmac-Sha256": "forged" }), clientSecret: SECRET });
    expect(result).toMatchObject({ ok: false, reason: "signature" });
  });
});
