import { createHmac, randomBytes } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { reauthorizeNotice } from "@/components/connections/time-words";
import { inngest } from "@/inngest/client";
import { signUp } from "../auth/sign-up";
import { completeShopifyConnect } from "../connections/complete-shopify-connect";
import { listConnections } from "../connections/list-connections";
import { startShopifyConnect } from "../connections/start-connect";
import { setDbClient } from "../db";
import { log } from "../log";
import { listNotifications } from "../notifications/list-notifications";
import { SHOPIFY_WEBHOOK_MAX_AGE_MS } from "../platforms/shopify/webhooks";
import { TIKTOK_WEBHOOK_MAX_AGE_MS } from "../platforms/tiktok/webhooks";
import { connectedShopifyStore, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { installShopifyApp, sandboxControl } from "../testing/sandbox-browser";
import { processDelivery } from "./process-delivery";
import { recordDeliveryFailure } from "./record-delivery-failure";
import { receiveShopifyWebhook } from "./receive-shopify-webhook";
import { receiveTikTokWebhook } from "./receive-tiktok-webhook";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());
afterEach(() => vi.restoreAllMocks());

// Signatures computed here independently of lib/platforms, from PLATFORMS.md.
const shopifySign = (body: string) => createHmac("sha256", process.env.SHOPIFY_CLIENT_SECRET!).update(body).digest("base64");
// A signature with one character changed (always changed: a fixed replacement would sometimes equal it).
const flipLast = (signature: string) => signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0");
const tiktokSign = (body: string) => createHmac("sha256", process.env.TIKTOK_APP_SECRET!).update(process.env.TIKTOK_APP_KEY! + body).digest("hex");
const id = () => randomBytes(4).toString("hex");
const DAY = 86_400_000;

/** A store row with placeholder tokens: for topics that never call the platform. */
async function connectedStore(platform: "SHOPIFY" | "TIKTOK", externalId: string) {
  const { userId } = await signUp({ email: `o-${id()}@example.test`, password: "river stone lantern 42", organizationName: "Acme" });
  const { organizationId } = await testDb.membership.findFirstOrThrow({ where: { userId } });
  const credential = await testDb.credential.create({ data: { organizationId, platform, subject: externalId, accessToken: "v1.x.y.z.w", scopes: [] } });
  const connection = await testDb.connection.create({ data: { organizationId, platform, externalId, name: `Store ${externalId}`, credentialId: credential.id } });
  return { ...connection, userId };
}

function shopifyHeaders(body: string, overrides: Record<string, string> = {}) {
  return new Headers({
    "x-shopify-hmac-sha256": shopifySign(body),
    "x-shopify-topic": "app/uninstalled",
    "x-shopify-shop-domain": "acme.myshopify.com",
    "x-shopify-webhook-id": `wh-${id()}`,
    "x-shopify-api-version": "2026-10",
    "x-shopify-triggered-at": new Date().toISOString(),
    ...overrides,
  });
}

/** Received and processed, as the route and the job do. */
async function deliverShopify(body: string, headers: Headers, endpoint: "main" | "compliance" = "main") {
  const received = await receiveShopifyWebhook({ rawBody: body, headers, endpoint });
  if (!("id" in received)) throw new Error(`not stored: ${JSON.stringify(received)}`);
  const { organizationId } = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: received.id }, select: { organizationId: true } });
  return processDelivery({ organizationId, deliveryId: received.id });
}

const statusOf = async (connectionId: string) => (await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).status;

describe("Shopify webhooks", () => {
  it("verifies, dedupes on the webhook id (the event id), and the job marks an uninstalled store once Shopify confirms it", async () => {
    const org = await newOrganization();
    const store = await connectedShopifyStore(org);
    // Shopify revokes the app's tokens and sends app/uninstalled (to an address nothing listens on here).
    await sandboxControl("POST", `/__sandbox/shopify/shops/${store.domain}/uninstall`, {});
    const body = JSON.stringify({ id: 1, domain: store.domain, email: "owner@acme.test" });
    const headers = shopifyHeaders(body, { "x-shopify-shop-domain": store.domain });
    const send = vi.spyOn(inngest, "send");
    const first = await receiveShopifyWebhook({ rawBody: body, headers, endpoint: "main" });
    expect(first.duplicate).toBe(false);
    expect(await receiveShopifyWebhook({ rawBody: body, headers, endpoint: "main" })).toEqual({ duplicate: true });
    // One job, whose event id is the platform's delivery id: the event API dedupes a send that raced.
    expect(send.mock.calls.map(([event]) => (event as { id?: string }).id)).toEqual([`webhook-SHOPIFY-${headers.get("x-shopify-webhook-id")}`]);
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ organizationId: org.organizationId, connectionId: store.connectionId, topic: "app/uninstalled", deliveryId: headers.get("x-shopify-webhook-id") });
    expect(JSON.stringify(delivery.payload)).not.toContain("owner@acme.test");

    // Under another organization's id (or none) the delivery is not found and nothing happens.
    const stranger = await connectedStore("SHOPIFY", "stranger.myshopify.com");
    for (const organizationId of [stranger.organizationId, null]) {
      await expect(processDelivery({ organizationId, deliveryId: delivery.id })).resolves.toMatchObject({ handled: false });
    }
    expect(await statusOf(store.connectionId)).toBe("ACTIVE");

    await expect(processDelivery({ organizationId: org.organizationId, deliveryId: delivery.id })).resolves.toEqual({ handled: true, action: "marked uninstalled" });
    await expect(processDelivery({ organizationId: org.organizationId, deliveryId: delivery.id })).resolves.toEqual({ handled: true, action: "already uninstalled" });
    expect(await statusOf(store.connectionId)).toBe("UNINSTALLED");
    expect(await testDb.notification.findMany({ where: { organizationId: org.organizationId } })).toEqual([
      expect.objectContaining({ kind: "connections.uninstalled", level: "ERROR", href: `/${org.organizationSlug}/connections` }),
    ]);
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

  it.each([
    ["main", "products/update", SHOPIFY_WEBHOOK_MAX_AGE_MS + 60_000, true],
    ["compliance", "customers/redact", SHOPIFY_WEBHOOK_MAX_AGE_MS + 60_000, true],
    ["main", "products/update", SHOPIFY_WEBHOOK_MAX_AGE_MS - 60_000, false],
    ["main", "products/update", -10 * 60_000, false],
  ] as const)("at the %s address, a %s delivery whose event is %d ms old is stale: %s", async (endpoint, topic, age, stale) => {
    await connectedStore("SHOPIFY", "acme.myshopify.com");
    const body = JSON.stringify({ id: 1 });
    const headers = shopifyHeaders(body, { "x-shopify-topic": topic, "x-shopify-triggered-at": new Date(Date.now() - age).toISOString() });
    const result = await receiveShopifyWebhook({ rawBody: body, headers, endpoint });
    // A stale delivery is acknowledged (a refusal would count against the subscription) and stores nothing.
    expect("stale" in result).toBe(stale);
    expect(await testDb.webhookDelivery.count()).toBe(stale ? 0 : 1);
  });

  it("an old app/uninstalled replayed under a new webhook id cannot uninstall the store installed again since", async () => {
    const org = await newOrganization();
    const store = await connectedShopifyStore(org);
    await sandboxControl("POST", `/__sandbox/shopify/shops/${store.domain}/uninstall`, {});
    const body = JSON.stringify({ id: 1, domain: store.domain });
    const uninstalledAt = new Date().toISOString();
    const captured = (webhookId: string, triggeredAt = uninstalledAt) =>
      shopifyHeaders(body, { "x-shopify-shop-domain": store.domain, "x-shopify-webhook-id": webhookId, "x-shopify-triggered-at": triggeredAt });
    await expect(deliverShopify(body, captured("wh-original"))).resolves.toMatchObject({ action: "marked uninstalled" });

    // The merchant installs Ferry again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { authorizeUrl } = await startShopifyConnect({ org, shop: store.domain });
    await completeShopifyConnect({ query: (await installShopifyApp(authorizeUrl)).searchParams, userId: org.userId });
    expect(await statusOf(store.connectionId)).toBe("ACTIVE");

    // The captured body again, under a new id: its event is older than the new install.
    await expect(deliverShopify(body, captured("wh-replay-1"))).resolves.toEqual({ handled: true, action: "ignored: the store was authorized again after this event" });
    // The headers are not signed, so a replayer can claim any time: Shopify still accepting the token settles it.
    await expect(deliverShopify(body, captured("wh-replay-2", new Date(Date.now() + 1000).toISOString()))).resolves.toEqual({
      handled: true,
      action: "ignored: Shopify still accepts the store's token, so the app is installed",
    });
    expect(await statusOf(store.connectionId)).toBe("ACTIVE");

    // Positive control: a genuine uninstall after the reinstall still stops the store.
    await sandboxControl("POST", `/__sandbox/shopify/shops/${store.domain}/uninstall`, {});
    await expect(deliverShopify(body, captured("wh-second-uninstall", new Date(Date.now() + 1000).toISOString()))).resolves.toMatchObject({ action: "marked uninstalled" });
    expect(await statusOf(store.connectionId)).toBe("UNINSTALLED");
  });
});

describe("Shopify privacy requests", () => {
  const compliance = (topic: string, payload: unknown, shop = "acme.myshopify.com") => {
    const body = JSON.stringify(payload);
    return deliverShopify(body, shopifyHeaders(body, { "x-shopify-topic": topic, "x-shopify-shop-domain": shop }), "compliance");
  };

  it("shop/redact erases the store; a customer request records that nothing is held, without the customer", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    await compliance("customers/data_request", { shop_domain: "acme.myshopify.com", customer: { email: "buyer@example.test" }, data_request: { id: 77 } });
    await compliance("shop/redact", { shop_id: 1, shop_domain: "acme.myshopify.com" });

    const activity = await testDb.activityEntry.findMany({ where: { organizationId: store.organizationId }, orderBy: { createdAt: "asc" } });
    expect(activity.map((a) => a.type)).toEqual(["privacy.customer_data_request", "privacy.shop_redacted"]);
    expect(activity[0]!.message).toContain("request 77");
    expect(JSON.stringify(activity)).not.toContain("buyer@example.test");
    expect(await testDb.connection.count({ where: { id: store.id } })).toBe(0);
    expect(await testDb.credential.count({ where: { organizationId: store.organizationId } })).toBe(0);
  });

  it("customers/redact erases nothing Ferry does not hold, says so in Activity and keeps no copy of the request", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    const info = vi.spyOn(log, "info");
    const request = { shop_id: 1, shop_domain: "acme.myshopify.com", customer: { id: 9, email: "buyer@example.test", phone: "+1555000111" }, orders_to_redact: [101, 102] };
    await expect(compliance("customers/redact", request)).resolves.toEqual({ handled: true, action: "no personal data held" });

    const activity = await testDb.activityEntry.findMany({ where: { organizationId: store.organizationId } });
    expect(activity).toEqual([
      expect.objectContaining({
        type: "privacy.customer_redacted",
        message: "Shopify asked to erase a customer's data for acme.myshopify.com. Ferry holds no personal data for them; nothing to erase.",
      }),
    ]);
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    expect(delivery.payload).toEqual({});
    expect(await testDb.connection.count({ where: { id: store.id } })).toBe(1);
    const line = info.mock.calls.find(([msg]) => msg === "privacy request handled");
    expect(line?.[1]).toEqual({ topic: "customers/redact", shop: "acme.myshopify.com", deliveryId: delivery.deliveryId, organizationId: store.organizationId, outcome: "no personal data held" });
    expect(JSON.stringify([activity, info.mock.calls])).not.toMatch(/buyer@example\.test|\+1555000111/);
  });

  it.each([["customers/data_request"], ["customers/redact"], ["shop/redact"]])("%s for a shop Ferry never held is acknowledged and logged", async (topic) => {
    const info = vi.spyOn(log, "info");
    await expect(compliance(topic, { shop_domain: "stranger.myshopify.com", customer: { email: "buyer@example.test" } }, "stranger.myshopify.com")).resolves.toEqual({
      handled: true,
      action: "nothing held for this shop",
    });
    expect(info.mock.calls.filter(([msg]) => msg === "privacy request handled").map(([, fields]) => fields)).toEqual([
      expect.objectContaining({ topic, shop: "stranger.myshopify.com", organizationId: null, outcome: "nothing held for this shop" }),
    ]);
    expect((await testDb.webhookDelivery.findFirstOrThrow()).payload).toEqual({});
    expect(await testDb.activityEntry.count()).toBe(0);
  });

  it("a second shop/redact for a shop already erased is acknowledged and logged", async () => {
    const store = await connectedStore("SHOPIFY", "acme.myshopify.com");
    await expect(compliance("shop/redact", { shop_domain: "acme.myshopify.com" })).resolves.toEqual({ handled: true, action: "shop data erased" });
    const info = vi.spyOn(log, "info");
    await expect(compliance("shop/redact", { shop_domain: "acme.myshopify.com" })).resolves.toEqual({ handled: true, action: "nothing held for this shop" });
    expect(info.mock.calls.find(([msg]) => msg === "privacy request handled")?.[1]).toMatchObject({ topic: "shop/redact", outcome: "nothing held for this shop" });
    expect(await testDb.activityEntry.count({ where: { organizationId: store.organizationId, type: "privacy.shop_redacted" } })).toBe(1);
  });
});

describe("TikTok webhooks", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const envelope = (type: number, shopId: string, extra: { timestamp?: number; data?: Record<string, unknown> } = {}) =>
    JSON.stringify({ type, tts_notification_id: `n-${id()}`, shop_id: shopId, timestamp: extra.timestamp ?? now(), data: extra.data ?? { message: "bye" } });
  const deliver = async (body: string) => {
    const received = await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) });
    if (!("id" in received)) throw new Error(`not stored: ${JSON.stringify(received)}`);
    const { organizationId } = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: received.id }, select: { organizationId: true } });
  return processDelivery({ organizationId, deliveryId: received.id });
  };

  it("verifies, dedupes on the notification id, and a deauthorization stops the shop", async () => {
    const store = await connectedStore("TIKTOK", "7001");
    const body = envelope(6, "7001");
    const send = vi.spyOn(inngest, "send");
    expect((await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) })).duplicate).toBe(false);
    expect((await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) })).duplicate).toBe(true);
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    expect(delivery.deliveryId).toBe(JSON.parse(body).tts_notification_id);
    expect(send.mock.calls.map(([event]) => (event as { id?: string }).id)).toEqual([`webhook-TIKTOK-${delivery.deliveryId}`]);
    await processDelivery({ organizationId: delivery.organizationId, deliveryId: delivery.id });
    expect(await statusOf(store.id)).toBe("UNINSTALLED");
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

  it("acknowledges a signed notification older than any retry (a replay after its id was pruned) and stores nothing", async () => {
    const store = await connectedStore("TIKTOK", "7001");
    const old = envelope(6, "7001", { timestamp: now() - TIKTOK_WEBHOOK_MAX_AGE_MS / 1000 - 60 });
    await expect(receiveTikTokWebhook({ rawBody: old, authorization: tiktokSign(old) })).resolves.toEqual({ duplicate: false, stale: true });
    expect(await testDb.webhookDelivery.count()).toBe(0);
    expect(await statusOf(store.id)).toBe("ACTIVE");
  });

  it("a deauthorization from before the shop was authorized again (a late retry) changes nothing", async () => {
    const store = await connectedStore("TIKTOK", "7001");
    const authorizedAt = Math.floor(store.authorizedAt.getTime() / 1000);
    await expect(deliver(envelope(6, "7001", { timestamp: authorizedAt - 120 }))).resolves.toEqual({
      handled: true,
      action: "ignored: the store was authorized again after this event",
    });
    expect(await statusOf(store.id)).toBe("ACTIVE");
    await expect(deliver(envelope(6, "7001", { timestamp: authorizedAt + 1 }))).resolves.toMatchObject({ action: "marked uninstalled" });
  });

  it("UPCOMING_AUTHORIZATION_EXPIRATION: from the delivery to the banner's date, Activity and one notification in the bell", async () => {
    const store = await connectedStore("TIKTOK", "7001");
    const expiresAt = now() + 10 * 86_400 + 3_600;
    const body = envelope(7, "7001", { data: { message: "Authorization of shop_id 7001 is expiring in 10 days.", expiration_time: String(expiresAt) } });
    await expect(deliver(body)).resolves.toEqual({ handled: true, action: "warned" });
    // The platform retries the step, or sends the warning again: nothing new.
    const delivery = await testDb.webhookDelivery.findFirstOrThrow();
    await expect(processDelivery({ organizationId: delivery.organizationId, deliveryId: delivery.id })).resolves.toEqual({ handled: true, action: "already warned" });

    const listed = (await listConnections({ organizationId: store.organizationId })).tiktok[0]!;
    expect(listed.reauthorizeBy).toBe(new Date(expiresAt * 1000).toISOString());
    expect(reauthorizeNotice({ platform: "TikTok Shop", reauthorizeBy: listed.reauthorizeBy, active: listed.status === "ACTIVE", now: Date.now() })).toBe(
      "TikTok Shop asks you to re-authorize Ferry within 10 days to keep syncing.",
    );
    const day = new Date(expiresAt * 1000).toISOString().slice(0, 10);
    const bell = await listNotifications({ organizationId: store.organizationId, userId: store.userId, query: { limit: 20 } });
    expect(bell.unread).toBe(1);
    expect(bell.notifications).toEqual([
      expect.objectContaining({ kind: "connections.authorization_expiring", title: `Re-authorize Store 7001 by ${day}`, unread: true, href: expect.stringMatching(/\/connections$/) }),
    ]);
    expect(bell.notifications[0]!.body).toContain("TikTok Shop says Ferry's authorization for Store 7001 ends on");
    const activity = await testDb.activityEntry.findMany({ where: { organizationId: store.organizationId, type: "connections.authorization_expiring" } });
    expect(activity.map((a) => a.message)).toEqual([`Store 7001: TikTok Shop says the authorization expires on ${day}. Re-authorize it under Connections to keep orders and listings in sync.`]);
  });

  it("a product notification for a shop that is not working changes nothing and does not fail the job", async () => {
    for (const status of ["DISCONNECTED", "NEEDS_REAUTH", "UNINSTALLED"] as const) {
      const store = await connectedStore("TIKTOK", `70${status.length}${id()}`.slice(0, 12));
      await testDb.connection.update({ where: { id: store.id }, data: { status } });
      await expect(deliver(envelope(15, store.externalId, { data: { product_id: "123", update_time: now() } }))).resolves.toEqual({
        handled: false,
        reason: `the store is ${status.toLowerCase().replace("_", " ")}: nothing is synced for it`,
      });
      expect(await testDb.tikTokProduct.count({ where: { connectionId: store.id } })).toBe(0);
    }
    // A week-old warning for an uninstalled shop sets no banner either.
    const gone = await connectedStore("TIKTOK", "7999");
    await testDb.connection.update({ where: { id: gone.id }, data: { status: "UNINSTALLED" } });
    await expect(deliver(envelope(7, "7999", { data: { expiration_time: String(now() + 7 * DAY / 1000) } }))).resolves.toEqual({ handled: true, action: "ignored: the shop is uninstalled" });
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: gone.id } })).reauthorizeBy).toBeNull();
  });
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
