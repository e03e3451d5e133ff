// Integration: the Admin GraphQL client against the real sandbox server: shop, webhook subscriptions,
// genuine webhook deliveries, and cost-based throttling with a tiny bucket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyAdminClient } from "./client";
import { InMemoryCostBudget, type CostBudget } from "./cost-budget";
import { ShopifyApiError } from "./errors";
import { installLikeABrowser, startHarness, type Harness } from "./testing/sandbox-harness";
import { SHOPIFY_SUBSCRIPTION_TOPICS, type ShopifySubscriptionTopic } from "./topics";
import { readShopifyWebhook } from "./webhooks";

const SHOP = "ferry-admin.myshopify.com";
let h: Harness;
let accessToken = "";
let webhookUri = "";

function client(options: { budget?: CostBudget; sleeps?: number[] } = {}) {
  return new ShopifyAdminClient({
    adminBaseUrl: h.adminBaseUrl, shop: SHOP, accessToken, budget: options.budget ?? new InMemoryCostBudget(),
    sleep: async (ms) => {
      options.sleeps?.push(ms);
      await new Promise((r) => setTimeout(r, ms));
    },
  });
}

async function throttledSince(seq: number): Promise<number> {
  const log = (await h.control("GET", `/__sandbox/requests?after=${seq}`)) as { rows: { code: unknown; route: string }[] };
  return log.rows.filter((r) => r.code === "THROTTLED").length;
}
async function lastSeq(): Promise<number> {
  const log = (await h.control("GET", "/__sandbox/requests?after=0&limit=50000")) as { rows: { seq: number }[] };
  return log.rows.at(-1)?.seq ?? 0;
}

beforeAll(async () => {
  h = await startHarness({ clientId: "ferry-admin-test", clientSecret: "shpss_admin_secret_1", scopes: ["read_products", "write_orders"] });
  webhookUri = `${h.receiverUrl}/api/webhooks/shopify`;
  await h.control("POST", "/__sandbox/shopify/shops", { domain: SHOP, name: "Ferry Admin", plan: "advanced", currency: "CAD", ianaTimezone: "America/Toronto" });
  const { callback } = await installLikeABrowser(h, { shop: SHOP, state: "s" });
  const verified = h.oauth.verifyCallback({ query: callback.query });
  accessToken = (await h.oauth.exchangeCode({ shop: verified.shop, code: verified.code })).accessToken;
});
afterAll(async () => {
  await h?.close();
});

describe("Shopify Admin client against the sandbox", () => {
  it("reads the shop", async () => {
    expect(await client().getShop()).toEqual({
      name: "Ferry Admin", myshopifyDomain: SHOP, currencyCode: "CAD", ianaTimezone: "America/Toronto",
      plan: { publicDisplayName: "Advanced", partnerDevelopment: false, shopifyPlus: false },
      variantsCount: 0,
    });
  });

  it("creates, lists and deletes webhook subscriptions", async () => {
    const c = client();
    const topics = Object.keys(SHOPIFY_SUBSCRIPTION_TOPICS) as ShopifySubscriptionTopic[];
    for (const topic of topics) expect((await c.createWebhookSubscription({ topic, uri: webhookUri })).topic).toBe(topic);
    const listed = await c.listWebhookSubscriptions();
    expect(listed.map((s) => s.topic).sort()).toEqual([...topics].sort());
    expect(new Set(listed.map((s) => s.uri))).toEqual(new Set([webhookUri]));

    const duplicate = (await c.createWebhookSubscription({ topic: "products/update", uri: webhookUri }).catch((e: unknown) => e)) as ShopifyApiError;
    expect([duplicate.kind, duplicate.userErrors[0]?.message]).toEqual(["userFixable", "Address for this topic has already been taken"]);

    const orders = listed.find((s) => s.topic === "orders/cancelled")!;
    expect(await c.deleteWebhookSubscription(orders.id)).toBe(orders.id);
    expect((await c.listWebhookSubscriptions()).map((s) => s.topic)).not.toContain("orders/cancelled");
    const gone = (await c.deleteWebhookSubscription(orders.id).catch((e: unknown) => e)) as ShopifyApiError;
    expect(gone.kind).toBe("userFixable");
  });

  it("verifies a genuine products/update delivery and refuses it tampered with", async () => {
    const created = (await h.control("POST", `/__sandbox/shopify/shops/${SHOP}/products`, {
      products: [{ title: "Tee", descriptionHtml: "<p>Tee</p>", variants: [{ sku: "TEE-1", price: "10.00", inventoryQuantity: 3 }] }],
    })) as { products: { id: string }[] };
    await h.control("PATCH", `/__sandbox/shopify/shops/${SHOP}/products/${encodeURIComponent(created.products[0]!.id)}`, { title: "Tee (new)" });
    const delivery = await h.waitFor((r) => r.headers["x-shopify-topic"] === "products/update");
    const headers = delivery.headers as Record<string, string>;

    const genuine = readShopifyWebhook({ rawBody: delivery.rawBody, headers, clientSecret: h.clientSecret });
    expect(genuine).toMatchObject({ ok: true, webhook: { topic: "products/update", shop: SHOP, apiVersion: "2026-10", webhookId: headers["x-shopify-webhook-id"] } });
    expect(JSON.parse(delivery.rawBody.toString("utf8")).title).toBe("Tee (new)");

    const tampered = Buffer.from(delivery.rawBody.toString("utf8").replace("Tee (new)", "Tee (evil)"));
    expect(readShopifyWebhook({ rawBody: tampered, headers, clientSecret: h.clientSecret })).toMatchObject({ ok: false, reason: "signature" });
    expect(readShopifyWebhook({ rawBody: delivery.rawBody, headers, clientSecret: "another-app-secret" })).toMatchObject({ ok: false, reason: "signature" });
  });

  it("verifies a privacy webhook sent to the compliance address", async () => {
    await h.control("POST", `/__sandbox/shopify/shops/${SHOP}/gdpr`, { topic: "customers/redact", customerEmail: "buyer@example.com", clientId: h.clientId });
    const delivery = await h.waitFor((r) => r.path === "/api/webhooks/shopify/compliance");
    const read = readShopifyWebhook({ rawBody: delivery.rawBody, headers: delivery.headers as Record<string, string>, clientSecret: h.clientSecret });
    expect(read).toMatchObject({ ok: true, webhook: { topic: "customers/redact", shop: SHOP } });
  });

  it("on THROTTLED waits for the reported restore rate and retries", async () => {
    // bucket 6 × 2 (advanced plan) = 12 points restoring 2 × 2 = 4 points/s: one subscription (12, 1 refunded)
    // leaves 1, and the shop query (3) is throttled unless 500 ms pass in between.
    await h.control("POST", "/__sandbox/config", { shopify: { bucketSize: 6, restoreRate: 2 } });
    await h.control("POST", "/__sandbox/clock", { advanceSeconds: 10 }); // a full bucket to start from
    const seq = await lastSeq();
    const answers: { extensions?: { cost?: { throttleStatus?: { currentlyAvailable: number; restoreRate: number } } }; errors?: unknown }[] = [];
    const recording = (async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      answers.push(await res.clone().json());
      return res;
    }) as typeof fetch;
    const sleeps: number[] = [];
    const c = new ShopifyAdminClient({
      adminBaseUrl: h.adminBaseUrl, shop: SHOP, accessToken, fetch: recording, budget: { before: async () => 0, after: async () => {} },
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, ms));
      },
    });
    await c.createWebhookSubscription({ topic: "products/delete", uri: `${webhookUri}?drain=1` });
    expect((await c.getShop()).name).toBe("Ferry Admin");
    expect(await throttledSince(seq)).toBe(1);
    const throttled = answers.find((a) => JSON.stringify(a.errors ?? "").includes("THROTTLED"))!;
    const status = throttled.extensions!.cost!.throttleStatus!;
    expect(status.restoreRate).toBe(4);
    // (requested 3 - currentlyAvailable) / restoreRate, exactly as the answer reported them
    expect(sleeps).toEqual([Math.ceil(((3 - status.currentlyAvailable) / status.restoreRate) * 1000)]);
  });

  it("with one budget shared by two instances, waits before calls instead of being throttled", async () => {
    // bucket 10 restoring 10 points/s; 20 points asked for at once by two instances
    await h.control("POST", "/__sandbox/config", { shopify: { bucketSize: 5, restoreRate: 5 } });
    await h.control("POST", "/__sandbox/clock", { advanceSeconds: 10 });
    const seq = await lastSeq();
    const shared = new InMemoryCostBudget();
    const sleeps: number[] = [];
    await client({ budget: shared, sleeps }).getShop(); // the budget learns the bucket
    const instance = async () => {
      const c = client({ budget: shared, sleeps });
      for (let i = 0; i < 5; i++) expect((await c.getShop()).name).toBe("Ferry Admin");
    };
    await Promise.all([instance(), instance()]);
    expect(await throttledSince(seq)).toBe(0);
    expect(sleeps.filter((ms) => ms > 0).length).toBeGreaterThan(0);
  });
});
