import { createHmac, randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { processDelivery } from "./process-delivery";
import { recordDeliveryFailure } from "./record-delivery-failure";
import { receiveShopifyWebhook } from "./receive-shopify-webhook";
import { receiveTikTokWebhook } from "./receive-tiktok-webhook";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

// Signatures computed here independently of lib/platforms, from PLATFORMS.md.
const shopifySign = (body: string) => createHmac("sha256", process.env.SHOPIFY_CLIENT_SECRET!).update(body).digest("base64");
// A signature with one character changed (always changed: a fixed replacement would sometimes equal it).
const flipLast = (signature: string) => signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0");
const tiktokSign = (body: string) => createHmac("sha256", process.env.TIKTOK_APP_SECRET!).update(process.env.TIKTOK_APP_KEY! + body).digest("hex");

async function connectedStore(platform: "SHOPIFY" | "TIKTOK", externalId: string) {
  await signUp({ email: `o-${randomBytes(3).toString("hex")}@example.test`, password: "river stone lantern 42", organizationName: "Acme" });
  const { organizationId } = await testDb.membership.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  const credential = await testDb.credential.create({ data: { organizationId, platform, subject: externalId, accessToken: "v1.x.y.z.w", scopes: [] } });
  return testDb.connection.create({ data: { organizationId, platform, externalId, name: `Store ${externalId}`, credentialId: credential.id } });
}

function shopifyHeaders(body: string, overrides: Record<string, string> = {}) {
  return new Headers({
    "x-shopify-hmac-sha256": shopifySign(body),
    "x-shopify-topic": "app/uninstalled",
    "x-shopify-shop-domain": "acme.myshopify.com",
    "x-shopify-webhook-id": `wh-${randomBytes(4).toString("hex")}`,
    "x-shopify-api-version": "2026-10",
    "x-shopify-triggered-at": new Date().toISOString(),
    ...overrides,
  });
}

describe("Shopify webhooks", () => {
  it("verifies, dedupes on the webhook id, and the job marks an uninstalled store", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    const body = JSON.stringify({ id: 1, domain: "acme.myshopify.com", email: "owner@acme.test" });
    const headers = shopifyHeaders(body);
    const first = await receiveShopifyWebhook({ rawBody: body, headers, endpoint: "main" });
    expect(first.duplicate).toBe(false);
    expect(await receiveShopifyWebhook({ rawBody: body, headers, endpoint: "main" })).toEqual({ duplicate: true });
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ organizationId: store.organizationId, connectionId: store.id, topic: "app/uninstalled" });
    expect(JSON.stringify(delivery.payload)).not.toContain("owner@acme.test");

    // Under another organization's id (or none) the delivery is not found and nothing happens.
    const stranger = await connectedStore("SHOPIFY", "stranger.myshopify.com");
    for (const organizationId of [stranger.organizationId, null]) {
      await expect(processDelivery({ organizationId, deliveryId: delivery.id })).resolves.toMatchObject({ handled: false });
    }
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: store.id } })).status).toBe("ACTIVE");

    await expect(processDelivery({ organizationId: store.organizationId, deliveryId: delivery.id })).resolves.toEqual({ handled: true, action: "marked uninstalled" });
    await expect(processDelivery({ organizationId: store.organizationId, deliveryId: delivery.id })).resolves.toEqual({ handled: true, action: "already uninstalled" });
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: store.id } })).status).toBe("UNINSTALLED");
  });

  it.each([
    ["a forged signature", (b: string) => shopifyHeaders(b, { "x-shopify-hmac-sha256": shopifySign(b + " ") }), "UNAUTHENTICATED"],
    ["no signature", (b: string) => { const h = shopifyHeaders(b); h.delete("x-shopify-hmac-sha256"); return h; }, "UNAUTHENTICATED"],
    ["an unknown topic", (b: string) => shopifyHeaders(b, { "x-shopify-topic": "carts/create" }), "BAD_REQUEST"],
    ["a foreign shop domain", (b: string) => shopifyHeaders(b, { "x-shopify-shop-domain": "evil.com" }), "BAD_REQUEST"],
    ["a privacy topic on the main address", (b: string) => shopifyHeaders(b, { "x-shopify-topic": "shop/redact" }), "BAD_REQUEST"],
  ])("refuses %s and stores nothing", async (_label, headers, code) => {
    await connectedStore("SHOPIFY", "acme.myshopify.com");
    const body = JSON.stringify({ id: 1 });
    await expect(receiveShopifyWebhook({ rawBody: body, headers: headers(body), endpoint: "main" })).rejects.toMatchObject({ code });
    expect(await testDb.webhookDelivery.count()).toBe(0);
  });

  it("a tampered body fails the signature", async () => {
    const body = JSON.stringify({ id: 1 });
    await expect(receiveShopifyWebhook({ rawBody: body.replace("1", "2"), headers: shopifyHeaders(body), endpoint: "main" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("shop/redact erases the store; a customer request records that nothing is held, without the customer", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    const request = JSON.stringify({ shop_domain: "acme.myshopify.com", customer: { email: "buyer@example.test" }, data_request: { id: 77 } });
    await receiveShopifyWebhook({ rawBody: request, headers: shopifyHeaders(request, { "x-shopify-topic": "customers/data_request" }), endpoint: "compliance" });
    const redact = JSON.stringify({ shop_id: 1, shop_domain: "acme.myshopify.com" });
    await receiveShopifyWebhook({ rawBody: redact, headers: shopifyHeaders(redact, { "x-shopify-topic": "shop/redact" }), endpoint: "compliance" });
    for (const delivery of await testDb.webhookDelivery.findMany({ orderBy: { receivedAt: "asc" } })) await processDelivery({ organizationId: delivery.organizationId, deliveryId: delivery.id });

    const activity = await testDb.activityEntry.findMany({ where: { organizationId: store.organizationId }, orderBy: { createdAt: "asc" } });
    expect(activity.map((a) => a.type)).toEqual(["privacy.customer_data_request", "privacy.shop_redacted"]);
    expect(activity[0]!.message).toContain("request 77");
    expect(JSON.stringify(activity)).not.toContain("buyer@example.test");
    expect(await testDb.connection.count({ where: { id: store.id } })).toBe(0);
    expect(await testDb.credential.count({ where: { organizationId: store.organizationId } })).toBe(0);
  });
});

describe("TikTok webhooks", () => {
  const envelope = (type: number, shopId: string) =>
    JSON.stringify({ type, tts_notification_id: `n-${randomBytes(4).toString("hex")}`, shop_id: shopId, timestamp: 1_764_000_000, data: { message: "bye" } });

  it("verifies, dedupes on the notification id, and a deauthorization stops the shop", async () => {
    const store = await connectedStore("TIKTOK", "7001");
    const body = envelope(6, "7001");
    expect((await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) })).duplicate).toBe(false);
    expect((await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) })).duplicate).toBe(true);
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    await processDelivery({ organizationId: delivery.organizationId, deliveryId: delivery.id });
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: store.id } })).status).toBe("UNINSTALLED");
  });

  it.each([
    ["a forged signature", (b: string) => flipLast(tiktokSign(b)), "UNAUTHENTICATED"],
    ["a signature without the app key", (b: string) => createHmac("sha256", process.env.TIKTOK_APP_SECRET!).update(b).digest("hex"), "UNAUTHENTICATED"],
    ["no signature", () => null, "UNAUTHENTICATED"],
  ])("refuses %s", async (_label, sign, code) => {
    const body = envelope(1, "7001");
    await expect(receiveTikTokWebhook({ rawBody: body, authorization: sign(body) })).rejects.toMatchObject({ code });
    expect(await testDb.webhookDelivery.count()).toBe(0);
  });

  it.each([["{not json"], [JSON.stringify({ type: 1 })], [JSON.stringify({ type: 99, tts_notification_id: "n", shop_id: "1", timestamp: 1, data: {} })]])(
    "refuses the malformed or unknown body %s",
    async (body) => {
      await expect(receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    },
  );
});

describe("recordDeliveryFailure (the processing job's onFailure)", () => {
  it("names the store and the topic, never the payload, and only for the delivery's organization", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    const stranger = await connectedStore("SHOPIFY", "stranger.myshopify.com");
    const delivery = await testDb.webhookDelivery.create({
      data: { platform: "SHOPIFY", deliveryId: "wh-1", topic: "products/update", shop: "acme.myshopify.com", organizationId: store.organizationId, connectionId: store.id, payload: { body: { title: "Jane's private listing" } } },
    });
    const error = { name: "JobFailure", message: "shopify.throttled" };
    expect(await recordDeliveryFailure({ organizationId: stranger.organizationId, deliveryId: delivery.id, error })).toBe(false);
    expect(await testDb.activityEntry.count()).toBe(0);
    expect(await recordDeliveryFailure({ organizationId: store.organizationId, deliveryId: delivery.id, error })).toBe(true);
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: store.organizationId } });
    expect(entry).toMatchObject({ type: "webhooks.delivery_failed", level: "ERROR", subjectType: "connection", subjectId: store.id });
    expect(entry!.message).toBe(
      'Processing a Shopify notification (products/update) for Store acme.myshopify.com failed: Shopify kept asking Ferry to slow down (its API rate limit). The six-hourly catalog reconciliation catches up on missed product changes; "Import now" on Products does it at once.',
    );
  });
});
