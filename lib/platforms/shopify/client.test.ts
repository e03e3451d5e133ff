// The client against a fake fetch (the HTTP boundary only), a fake clock and a recording sleep.
import { describe, expect, it } from "vitest";
import { ShopifyAdminClient, throttleWaitMs, type ShopifyAdminClientOptions } from "./client";
import { InMemoryCostBudget } from "./cost-budget";
import { ShopifyApiError } from "./errors";

const SHOP = "acme.myshopify.com";
const SHOP_DATA = { shop: { name: "Acme", myshopifyDomain: SHOP, currencyCode: "USD", ianaTimezone: "America/New_York", plan: { publicDisplayName: "Basic", partnerDevelopment: false, shopifyPlus: false } }, productVariantsCount: { count: 10_000, precision: "AT_LEAST" } };
const cost = (currentlyAvailable: number, restoreRate = 50, requestedQueryCost = 3) => ({
  cost: { requestedQueryCost, actualQueryCost: requestedQueryCost, throttleStatus: { maximumAvailable: 100, currentlyAvailable, restoreRate } },
});
const THROTTLED = (currentlyAvailable: number, restoreRate: number) => ({
  errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
  extensions: { cost: { requestedQueryCost: 3, actualQueryCost: null, throttleStatus: { maximumAvailable: 100, currentlyAvailable, restoreRate } } },
});

type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | "hang";

function harness(answers: Answer[], options: Partial<ShopifyAdminClientOptions> = {}) {
  const clock = { t: 0 };
  const sleeps: number[] = [];
  const calls: { at: number; url: string; token: string | null; body: { query: string; operationName: string; variables: Record<string, unknown> } }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    calls.push({ at: clock.t, url, token: headers.get("x-shopify-access-token"), body: JSON.parse(String(init.body)) });
    const answer = answers.shift();
    if (!answer) throw new Error("no answer left");
    if (answer === "hang") {
      return new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    }
    return new Response(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body), { status: answer.status ?? 200, headers: answer.headers });
  }) as typeof globalThis.fetch;
  const budget = new InMemoryCostBudget({ now: () => clock.t });
  const client = new ShopifyAdminClient({
    adminBaseUrl: "https://{shop}", shop: SHOP, accessToken: "shpat_first", fetch, budget,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    ...options,
  });
  return { client, calls, sleeps, clock, budget, answers };
}

describe("ShopifyAdminClient.request", () => {
  it("posts the pinned-version GraphQL call with the token and returns parsed data", async () => {
    const { client, calls } = harness([{ body: { data: SHOP_DATA, extensions: cost(98) } }]);
    expect(await client.getShop()).toEqual({ ...SHOP_DATA.shop, variantsCount: 10_000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://acme.myshopify.com/admin/api/2026-10/graphql.json");
    expect(calls[0]!.token).toBe("shpat_first");
    expect(calls[0]!.body.operationName).toBe("ShopDetails");
    expect(calls[0]!.body.query).toContain("query ShopDetails");
  });

  it("works against a base URL with a path (the sandbox)", async () => {
    const { client, calls } = harness([{ body: { data: SHOP_DATA } }], { adminBaseUrl: "http://127.0.0.1:4010/shopify/{shop}/" });
    await client.getShop();
    expect(calls[0]!.url).toBe("http://127.0.0.1:4010/shopify/acme.myshopify.com/admin/api/2026-10/graphql.json");
  });

  it("waits for the bucket to refill before a call that would not fit", async () => {
    const { client, calls, sleeps } = harness([
      { body: { data: SHOP_DATA, extensions: cost(0, 50) } },
      { body: { data: SHOP_DATA, extensions: cost(0, 50) } },
    ]);
    await client.getShop();
    expect(sleeps).toEqual([]);
    await client.getShop();
    // (requestedCost 3 - currentlyAvailable 0) / restoreRate 50 = 60 ms, read from the answer, not hard-coded
    expect(sleeps).toEqual([60]);
    expect(calls[1]!.at).toBe(60);
  });

  it("follows the restore rate Shopify reports (a Plus shop refills faster)", async () => {
    const { client, sleeps } = harness([
      { body: { data: SHOP_DATA, extensions: cost(0, 1000) } },
      { body: { data: SHOP_DATA, extensions: cost(0, 1000) } },
    ]);
    await client.getShop();
    await client.getShop();
    expect(sleeps).toEqual([3]);
  });

  it("on THROTTLED waits until the requested cost is back, then retries", async () => {
    const { client, calls, sleeps } = harness([
      { body: THROTTLED(1, 10) },
      { body: { data: SHOP_DATA, extensions: cost(0, 10) } },
    ]);
    expect((await client.getShop()).name).toBe("Acme");
    expect(sleeps).toEqual([200]); // (3 - 1) / 10 s
    expect(calls.map((c) => c.at)).toEqual([0, 200]);
  });

  it("tells the budget what Shopify reported and how much of the reservation went unused", async () => {
    const reports: { shop: string; available: number; unused?: number }[] = [];
    const budget = {
      before: async () => 0,
      after: async (shop: string, status: { currentlyAvailable: number }, options?: { unused?: number }) => {
        reports.push({ shop, available: status.currentlyAvailable, unused: options?.unused });
      },
    };
    const { client } = harness([
      { body: THROTTLED(1, 10) },
      { body: { data: SHOP_DATA, extensions: { cost: { requestedQueryCost: 3, actualQueryCost: 1, throttleStatus: { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 } } } } },
    ], { budget });
    await client.getShop();
    expect(reports).toEqual([{ shop: SHOP, available: 1, unused: 3 }, { shop: SHOP, available: 0, unused: 2 }]);
  });

  it("gives up after the bounded number of THROTTLED retries", async () => {
    const { client, calls } = harness(Array.from({ length: 10 }, () => ({ body: THROTTLED(0, 10) })), { maxThrottleRetries: 3 });
    const error = await client.getShop().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect((error as ShopifyApiError).kind).toBe("throttled");
    expect(calls).toHaveLength(4);
  });

  it("backs off exponentially when THROTTLED comes without a throttle status", async () => {
    const bare = { body: { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] } };
    const { client, sleeps } = harness([bare, bare, { body: { data: SHOP_DATA } }]);
    await client.getShop();
    expect(sleeps).toEqual([1000, 2000]);
  });

  it("on 401 lets the caller refresh the token, then retries once with the new one", async () => {
    let refreshes = 0;
    const { client, calls } = harness(
      [{ status: 401, body: { errors: "[API] Invalid API key or access token" } }, { body: { data: SHOP_DATA } }, { body: { data: SHOP_DATA } }],
      { onAuthExpired: async () => `shpat_refreshed_${++refreshes}` },
    );
    await client.getShop();
    await client.getShop();
    expect(refreshes).toBe(1);
    expect(calls.map((c) => c.token)).toEqual(["shpat_first", "shpat_refreshed_1", "shpat_refreshed_1"]);
  });

  it("reports needsReauthorization when the refreshed token is refused too", async () => {
    let refreshes = 0;
    const denied = { status: 401, body: { errors: "[API] Invalid API key or access token" } };
    const { client, calls } = harness([denied, denied, denied], { onAuthExpired: async () => `shpat_${++refreshes}` });
    const error = (await client.getShop().catch((e: unknown) => e)) as ShopifyApiError;
    expect(error.kind).toBe("needsReauthorization");
    expect(refreshes).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it("surfaces authExpired without a refresh hook, and passes the hook's own failure through", async () => {
    const denied = { status: 401, body: { errors: "[API] Invalid API key or access token" } };
    expect(((await harness([denied]).client.getShop().catch((e: unknown) => e)) as ShopifyApiError).kind).toBe("authExpired");
    const gone = new ShopifyApiError({ kind: "needsReauthorization", message: "invalid_grant" });
    const { client } = harness([denied], { onAuthExpired: async () => { throw gone; } });
    await expect(client.getShop()).rejects.toBe(gone);
  });

  it("classifies a timeout and a 5xx as retryable without retrying them itself", async () => {
    const slow = harness(["hang"], { timeoutMs: 20 });
    const timeout = (await slow.client.getShop().catch((e: unknown) => e)) as ShopifyApiError;
    expect([timeout.kind, timeout.code]).toEqual(["retryable", "TIMEOUT"]);
    const down = harness([{ status: 503, body: "<html>Service unavailable</html>" }, { body: { data: SHOP_DATA } }]);
    const error = (await down.client.getShop().catch((e: unknown) => e)) as ShopifyApiError;
    expect([error.kind, error.status]).toEqual(["retryable", 503]);
    expect(down.calls).toHaveLength(1);
  });

  it("does not follow a redirect (it would carry the token elsewhere)", async () => {
    const { client, calls } = harness([{ status: 301, body: "", headers: { location: "https://elsewhere.example/graphql" } }]);
    const error = (await client.getShop().catch((e: unknown) => e)) as ShopifyApiError;
    expect([error.kind, error.status]).toEqual(["unexpected", 301]);
    expect(calls).toHaveLength(1);
  });

  it("refuses data outside the operation's schema", async () => {
    const { client } = harness([{ body: { data: { shop: { name: "Acme" } } } }]);
    const error = (await client.getShop().catch((e: unknown) => e)) as ShopifyApiError;
    expect(error.kind).toBe("unexpected");
    expect(error.message).toContain("outside its schema");
  });

  it("refuses a shop that is not canonical", () => {
    expect(() => new ShopifyAdminClient({ adminBaseUrl: "https://{shop}", shop: "evil.com", accessToken: "x" })).toThrow(/canonical/);
  });
});

describe("webhook subscriptions", () => {
  const node = (id: number, topic: string) => ({ id: `gid://shopify/WebhookSubscription/${id}`, topic, uri: "https://app.example/api/webhooks/shopify" });

  it("creates with the GraphQL topic and uri, and turns userErrors into userFixable", async () => {
    const { client, calls } = harness([
      { body: { data: { webhookSubscriptionCreate: { webhookSubscription: node(1, "PRODUCTS_UPDATE"), userErrors: [] } } } },
      { body: { data: { webhookSubscriptionCreate: { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" }] } } } },
    ]);
    const created = await client.createWebhookSubscription({ topic: "products/update", uri: "https://app.example/api/webhooks/shopify" });
    expect(created).toEqual({ id: "gid://shopify/WebhookSubscription/1", topic: "products/update", graphqlTopic: "PRODUCTS_UPDATE", uri: "https://app.example/api/webhooks/shopify" });
    expect(calls[0]!.body.variables).toEqual({ topic: "PRODUCTS_UPDATE", uri: "https://app.example/api/webhooks/shopify" });
    const refused = (await client.createWebhookSubscription({ topic: "products/update", uri: "https://app.example/api/webhooks/shopify" }).catch((e: unknown) => e)) as ShopifyApiError;
    expect(refused.kind).toBe("userFixable");
    expect(refused.userErrors[0]?.message).toBe("Address for this topic has already been taken");
  });

  it("lists every page and deletes by id", async () => {
    const { client, calls } = harness([
      { body: { data: { webhookSubscriptions: { nodes: [node(1, "PRODUCTS_UPDATE")], pageInfo: { hasNextPage: true, endCursor: "c1" } } } } },
      { body: { data: { webhookSubscriptions: { nodes: [node(2, "CARTS_CREATE")], pageInfo: { hasNextPage: false, endCursor: "c2" } } } } },
      { body: { data: { webhookSubscriptionDelete: { deletedWebhookSubscriptionId: "gid://shopify/WebhookSubscription/2", userErrors: [] } } } },
    ]);
    const list = await client.listWebhookSubscriptions();
    expect(list.map((s) => [s.topic, s.graphqlTopic])).toEqual([["products/update", "PRODUCTS_UPDATE"], [null, "CARTS_CREATE"]]);
    expect(calls.map((c) => c.body.variables)).toEqual([{ after: null }, { after: "c1" }]);
    expect(await client.deleteWebhookSubscription("gid://shopify/WebhookSubscription/2")).toBe("gid://shopify/WebhookSubscription/2");
  });
});

describe("fulfillment holds", () => {
  const FO = "gid://shopify/FulfillmentOrder/7";
  const heldFo = { id: FO, status: "ON_HOLD", fulfillmentHolds: [{ id: "gid://shopify/FulfillmentHold/9", handle: "ferry-tiktok-hold", reason: "OTHER", heldByRequestingApp: true }] };

  it("reads an order's fulfillment orders with their holds (null for no order)", async () => {
    const { client, calls } = harness([
      { body: { data: { order: { id: "gid://shopify/Order/1", name: "#1001", cancelledAt: null, fulfillmentOrders: { nodes: [heldFo] } } } } },
      { body: { data: { order: null } } },
    ]);
    expect((await client.orderFulfillmentHolds("gid://shopify/Order/1"))?.fulfillmentOrders.nodes).toEqual([heldFo]);
    expect(calls[0]!.body).toMatchObject({ operationName: "OrderFulfillmentHolds", variables: { id: "gid://shopify/Order/1" } });
    expect(await client.orderFulfillmentHolds("gid://shopify/Order/2")).toBeNull();
  });

  it("holds with the reason, notes and handle, never notifying the merchant; userErrors come back to judge", async () => {
    const { client, calls } = harness([
      { body: { data: { fulfillmentOrderHold: { fulfillmentHold: heldFo.fulfillmentHolds[0], fulfillmentOrder: { id: FO, status: "ON_HOLD" }, userErrors: [] } } } },
      { body: { data: { fulfillmentOrderHold: { fulfillmentHold: null, fulfillmentOrder: null, userErrors: [{ field: ["fulfillmentHold", "handle"], message: "taken", code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }] } } } },
    ]);
    const hold = { fulfillmentOrderId: FO, reason: "OTHER" as const, reasonNotes: "TikTok Shop hold", handle: "ferry-tiktok-hold" };
    expect(await client.holdFulfillmentOrder(hold)).toMatchObject({ fulfillmentOrder: { status: "ON_HOLD" }, userErrors: [] });
    expect(calls[0]!.body.variables).toEqual({ id: FO, fulfillmentHold: { reason: "OTHER", reasonNotes: "TikTok Shop hold", handle: "ferry-tiktok-hold", notifyMerchant: false } });
    expect((await client.holdFulfillmentOrder(hold)).userErrors).toEqual([{ field: ["fulfillmentHold", "handle"], message: "taken", code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }]);
  });

  it("releases the named holds only, and refuses to release without ids (that would release everyone's)", async () => {
    const { client, calls } = harness([{ body: { data: { fulfillmentOrderReleaseHold: { fulfillmentOrder: { id: FO, status: "OPEN" }, userErrors: [] } } } }]);
    expect(await client.releaseFulfillmentHolds({ fulfillmentOrderId: FO, holdIds: ["gid://shopify/FulfillmentHold/9"] })).toEqual({ fulfillmentOrder: { id: FO, status: "OPEN" }, userErrors: [] });
    expect(calls[0]!.body.variables).toEqual({ id: FO, holdIds: ["gid://shopify/FulfillmentHold/9"] });
    await expect(client.releaseFulfillmentHolds({ fulfillmentOrderId: FO, holdIds: [] })).rejects.toThrow(/ids of the holds/);
    expect(calls).toHaveLength(1);
  });

  it("an ACCESS_DENIED answer (the scope is missing) is needsReauthorization", async () => {
    const { client } = harness([{ body: { errors: [{ message: "Access denied for fulfillmentOrderHold field.", extensions: { code: "ACCESS_DENIED" } }] } }]);
    const error = (await client.holdFulfillmentOrder({ fulfillmentOrderId: FO, reason: "OTHER", reasonNotes: "", handle: "h" }).catch((e: unknown) => e)) as ShopifyApiError;
    expect(error.kind).toBe("needsReauthorization");
  });
});

describe("throttleWaitMs", () => {
  it.each([
    [{ status: { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 }, requested: 600, attempt: 1 }, 10_000],
    [{ status: { maximumAvailable: 1000, currentlyAvailable: 700, restoreRate: 50 }, requested: 600, attempt: 1 }, 0],
    [{ requested: 10, retryAfterMs: 2000, attempt: 1 }, 2000],
    [{ requested: 10, attempt: 3 }, 4000],
    [{ requested: 10, attempt: 10 }, 30_000],
  ])("%j → %i ms", (input, ms) => {
    expect(throttleWaitMs(input)).toBe(ms);
  });
});
