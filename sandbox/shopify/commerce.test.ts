import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, fakeContext, gql, installedShop, SHOP, TEST_APP } from "./test-context";

async function seeded() {
  const ctx = fakeContext();
  const { access_token: token } = await installedShop(ctx);
  const seed = await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, {
    body: { products: [{ title: "Tee", descriptionHtml: "", variants: [{ sku: "TEE-S", price: "20.00", inventoryQuantity: 5 }, { sku: "TEE-M", price: "20.00", inventoryQuantity: 1 }] }] },
  });
  const variants = (seed.body as { products: { variants: { id: string; inventoryItemId: string }[] }[] }).products[0]!.variants;
  const locations = await gql(ctx, token, "{ locations(first: 5) { nodes { id name } } }");
  return { ctx, token, variants, locationId: locations.body.data!.locations.nodes[0].id as string };
}

const ORDER_CREATE = `mutation($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) { userErrors { field message code } order { id name sourceName sourceIdentifier tags
    totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    lineItems(first: 5) { nodes { sku quantity } } fulfillmentOrders(first: 2) { nodes { id status lineItems(first: 5) { nodes { id remainingQuantity } } } } } } }`;

const stock = async (ctx: ReturnType<typeof fakeContext>, token: string, variantId: string) =>
  (await gql(ctx, token, `{ productVariant(id: "${variantId}") { inventoryQuantity } }`)).body.data!.productVariant.inventoryQuantity as number;

describe("Shopify orders, fulfillment, inventory and webhooks", () => {
  it("orderCreate honours inventoryBehaviour and can be found by source_identifier", async () => {
    const { ctx, token, variants } = await seeded();
    const order = (id: string, quantity: number) => ({
      currency: "USD", presentmentCurrency: "GBP", sourceName: "tiktok", sourceIdentifier: id, tags: ["TikTok"],
      lineItems: [{ variantId: variants[0]!.id, quantity, priceSet: { shopMoney: { amount: "20.00", currencyCode: "USD" }, presentmentMoney: { amount: "16.00", currencyCode: "GBP" } } }],
      shippingLines: [{ title: "Standard", priceSet: { shopMoney: { amount: "5.00", currencyCode: "USD" } } }],
    });
    const bypass = await gql(ctx, token, ORDER_CREATE, { order: order("tt-1", 2) });
    expect(bypass.body.data!.orderCreate.userErrors).toEqual([]);
    expect(bypass.body.data!.orderCreate.order).toMatchObject({ name: "#1001", sourceName: "tiktok", sourceIdentifier: "tt-1", tags: ["TikTok"],
      totalPriceSet: { shopMoney: { amount: "45.0", currencyCode: "USD" }, presentmentMoney: { amount: "37.0", currencyCode: "GBP" } } });
    expect(await stock(ctx, token, variants[0]!.id)).toBe(5);
    await gql(ctx, token, ORDER_CREATE, { order: order("tt-2", 2), options: { inventoryBehaviour: "DECREMENT_OBEYING_POLICY" } });
    expect(await stock(ctx, token, variants[0]!.id)).toBe(3);
    const refused = await gql(ctx, token, ORDER_CREATE, { order: order("tt-3", 9), options: { inventoryBehaviour: "DECREMENT_OBEYING_POLICY" } });
    expect(refused.body.data!.orderCreate).toMatchObject({ order: null, userErrors: [{ code: "INVENTORY_CLAIM_FAILED" }] });
    await gql(ctx, token, ORDER_CREATE, { order: order("tt-4", 9), options: { inventoryBehaviour: "DECREMENT_IGNORING_POLICY" } });
    expect(await stock(ctx, token, variants[0]!.id)).toBe(-6);
    const found = await gql(ctx, token, `{ orders(first: 5, query: "source_identifier:tt-2") { nodes { name sourceIdentifier } } }`);
    expect(found.body.data!.orders.nodes).toEqual([{ name: "#1002", sourceIdentifier: "tt-2" }]);
  });

  it("fulfills with tracking, updates tracking, refuses to cancel fulfilled orders, cancels open ones", async () => {
    const { ctx, token, variants } = await seeded();
    const created = await gql(ctx, token, ORDER_CREATE, { order: { lineItems: [{ variantId: variants[0]!.id, quantity: 2 }, { variantId: variants[1]!.id, quantity: 1 }] } });
    const o = created.body.data!.orderCreate.order;
    const fo = o.fulfillmentOrders.nodes[0];
    const fulfil = await gql(ctx, token, `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { userErrors { message } fulfillment { id status trackingInfo(first: 5) { company number url } } } }`, {
      f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[0].id, quantity: 2 }] }], trackingInfo: { company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }, notifyCustomer: false },
    });
    expect(fulfil.body.data!.fulfillmentCreate).toMatchObject({ userErrors: [], fulfillment: { status: "SUCCESS", trackingInfo: [{ company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }] } });
    const after = await gql(ctx, token, `{ order(id: "${o.id}") { displayFulfillmentStatus fulfillmentOrders(first: 1) { nodes { status } } fulfillments { trackingInfo { number } } } }`);
    expect(after.body.data!.order).toEqual({ displayFulfillmentStatus: "PARTIALLY_FULFILLED", fulfillmentOrders: { nodes: [{ status: "IN_PROGRESS" }] }, fulfillments: [{ trackingInfo: [{ number: "1Z999" }] }] });
    const fid = fulfil.body.data!.fulfillmentCreate.fulfillment.id;
    const upd = await gql(ctx, token, `mutation { fulfillmentTrackingInfoUpdate(fulfillmentId: "${fid}", trackingInfoInput: { company: "DHL", number: "JD01" }) { userErrors { message } fulfillment { trackingInfo { company number } } } }`);
    expect(upd.body.data!.fulfillmentTrackingInfoUpdate.fulfillment.trackingInfo).toEqual([{ company: "DHL", number: "JD01" }]);
    const over = await gql(ctx, token, `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { userErrors { message } } }`, {
      f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[0].id, quantity: 1 }] }] },
    });
    expect(over.body.data!.fulfillmentCreate.userErrors[0].message).toBe("Invalid fulfillment order line item quantity requested.");
    const cancelFulfilled = await gql(ctx, token, `mutation { orderCancel(orderId: "${o.id}", reason: CUSTOMER, restock: true) { orderCancelUserErrors { code message } } }`);
    expect(cancelFulfilled.body.data!.orderCancel.orderCancelUserErrors[0].code).toBe("INVALID");
    const second = await gql(ctx, token, ORDER_CREATE, { order: { lineItems: [{ variantId: variants[1]!.id, quantity: 1 }] }, options: { inventoryBehaviour: "DECREMENT_IGNORING_POLICY" } });
    expect(second.body).toMatchObject({ data: { orderCreate: { userErrors: [] } } });
    const id2 = second.body.data!.orderCreate.order.id;
    expect(await stock(ctx, token, variants[1]!.id)).toBe(0);
    const cancel = await gql(ctx, token, `mutation { orderCancel(orderId: "${id2}", reason: CUSTOMER, restock: true) { job { done } orderCancelUserErrors { code } } }`);
    expect(cancel.body.data!.orderCancel).toEqual({ job: { done: true }, orderCancelUserErrors: [] });
    expect(await stock(ctx, token, variants[1]!.id)).toBe(1);
    const cancelled = await gql(ctx, token, `{ order(id: "${id2}") { cancelledAt cancelReason closed } }`);
    expect(cancelled.body.data!.order).toMatchObject({ cancelReason: "CUSTOMER", closed: true, cancelledAt: expect.any(String) });
  });

  it("inventorySetQuantities needs @idempotent and changeFromQuantity, and replays a reused key", async () => {
    const { ctx, token, variants, locationId } = await seeded();
    const m = (key: string | null) => `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input)${key ? ` @idempotent(key: "${key}")` : ""} {
      userErrors { code field message } inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } } } }`;
    const input = (quantity: number, changeFrom: number | null | undefined) => ({
      name: "available", reason: "correction", referenceDocumentUri: "gid://ferry/Sync/1",
      quantities: [{ inventoryItemId: variants[0]!.inventoryItemId, locationId, quantity, ...(changeFrom === undefined ? {} : { changeFromQuantity: changeFrom }) }],
    });
    const noKey = await gql(ctx, token, m(null), { input: input(7, null) });
    expect(noKey.body.errors[0].message).toContain("@idempotent");
    const noCas = await gql(ctx, token, m("k0"), { input: input(7, undefined) });
    expect(noCas.body.data!.inventorySetQuantities.userErrors[0].code).toBe("COMPARE_QUANTITY_REQUIRED");
    const stale = await gql(ctx, token, m("k1"), { input: input(7, 4) });
    expect(stale.body.data!.inventorySetQuantities.userErrors[0].code).toBe("CHANGE_FROM_QUANTITY_STALE");
    const okRes = await gql(ctx, token, m("k2"), { input: input(7, 5) });
    expect(okRes.body.data!.inventorySetQuantities).toMatchObject({ userErrors: [], inventoryAdjustmentGroup: { reason: "correction", changes: [{ name: "available", delta: 2, quantityAfterChange: 7 }, { name: "on_hand", delta: 2 }] } });
    const replay = await gql(ctx, token, m("k2"), { input: input(7, 5) });
    expect(replay.body.data!.inventorySetQuantities.userErrors).toEqual([]);
    const mismatch = await gql(ctx, token, m("k2"), { input: input(8, 7) });
    expect(mismatch.body.data!.inventorySetQuantities.userErrors[0].code).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    const level = await gql(ctx, token, `{ inventoryItem(id: "${variants[0]!.inventoryItemId}") { sku inventoryLevels(first: 2) { nodes { quantities(names: ["available", "on_hand"]) { name quantity } location { id } } } } }`);
    expect(level.body.data!.inventoryItem).toEqual({ sku: "TEE-S", inventoryLevels: { nodes: [{ quantities: [{ name: "available", quantity: 7 }, { name: "on_hand", quantity: 7 }], location: { id: locationId } }] } });
  });

  it("delivers webhooks to GraphQL subscriptions with Shopify's headers and a verifiable base64 HMAC", async () => {
    const { ctx, token, variants } = await seeded();
    const sub = await gql(ctx, token, `mutation { webhookSubscriptionCreate(topic: ORDERS_CANCELLED, webhookSubscription: { uri: "http://127.0.0.1:3000/api/webhooks/shopify", format: JSON }) { userErrors { message } webhookSubscription { id topic uri } } }`);
    expect(sub.body.data!.webhookSubscriptionCreate).toMatchObject({ userErrors: [], webhookSubscription: { topic: "ORDERS_CANCELLED", uri: "http://127.0.0.1:3000/api/webhooks/shopify" } });
    const list = await gql(ctx, token, "{ webhookSubscriptions(first: 10) { nodes { topic } } }");
    expect(list.body.data!.webhookSubscriptions.nodes).toEqual([{ topic: "ORDERS_CANCELLED" }]);
    const created = await gql(ctx, token, ORDER_CREATE, { order: { lineItems: [{ variantId: variants[0]!.id, quantity: 1 }] } });
    expect(ctx.hooks).toHaveLength(0); // not subscribed to orders/create
    await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/orders/${created.body.data!.orderCreate.order.id.split("/").pop()}/cancel`, { body: {} });
    expect(ctx.hooks).toHaveLength(1);
    const hook = ctx.hooks[0]!;
    expect(hook.headers).toMatchObject({ "x-shopify-topic": "orders/cancelled", "x-shopify-shop-domain": SHOP, "x-shopify-api-version": "2026-10" });
    expect(hook.headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(hook.headers["x-shopify-triggered-at"]!)).toBeGreaterThan(0);
    const expected = crypto.createHmac("sha256", TEST_APP.clientSecret).update(Buffer.from(hook.body)).digest("base64");
    expect(hook.headers["x-shopify-hmac-sha256"]).toBe(expected);
    expect(JSON.parse(hook.body)).toMatchObject({ name: "#1001", cancel_reason: "other", admin_graphql_api_id: created.body.data!.orderCreate.order.id });
    expect(hook.retrySeconds).toHaveLength(8);
    const del = await gql(ctx, token, `mutation { webhookSubscriptionDelete(id: "${sub.body.data!.webhookSubscriptionCreate.webhookSubscription.id}") { deletedWebhookSubscriptionId userErrors { message } } }`);
    expect(del.body.data!.webhookSubscriptionDelete.userErrors).toEqual([]);
  });
});

describe("Location.inventoryLevels", () => {
  async function twoLocations() {
    const ctx = fakeContext();
    const { access_token: token } = await installedShop(ctx, { locations: [{ name: "Main" }, { name: "Annex" }] });
    const products = Array.from({ length: 12 }, (_, i) => ({ title: `P${i}`, descriptionHtml: "", variants: [{ sku: `L-${i}`, price: "1.00", inventoryQuantity: i }] }));
    const seed = (await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, { body: { products } })).body as { products: { id: string; variants: { inventoryItemId: string }[] }[] };
    const [main, annex] = (await gql(ctx, token, "{ locations(first: 5) { nodes { id name } } }")).body.data!.locations.nodes as { id: string }[];
    const items = seed.products.map((p) => p.variants[0]!.inventoryItemId);
    for (const i of [9, 2, 5]) await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/inventory`, { body: { sku: `L-${i}`, available: 100 + i, locationId: annex!.id } });
    return { ctx, token, main: main!.id, annex: annex!.id, items, products: seed.products };
  }
  const LEVELS = (location: string, args: string) => `{ location(id: "${location}") { inventoryLevels(${args}) { edges { cursor node { item { id } quantities(names: ["available"]) { quantity } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
  const itemsOf = (res: { body: { data?: Record<string, any> } }) => res.body.data!.location.inventoryLevels.edges.map((e: { node: { item: { id: string } } }) => e.node.item.id); // eslint-disable-line @typescript-eslint/no-explicit-any

  it("pages the levels stocked at one location by inventory item, with cursors and reverse", async () => {
    const { ctx, token, annex, main, items } = await twoLocations();
    const first = await gql(ctx, token, LEVELS(annex, "first: 2"));
    expect(itemsOf(first)).toEqual([items[2], items[5]]);
    expect(first.body.data!.location.inventoryLevels.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.body.data!.location.inventoryLevels.edges[0].node.quantities).toEqual([{ quantity: 102 }]);
    const next = await gql(ctx, token, LEVELS(annex, `first: 2, after: "${first.body.data!.location.inventoryLevels.pageInfo.endCursor}"`));
    expect(itemsOf(next)).toEqual([items[9]]);
    expect(next.body.data!.location.inventoryLevels.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(itemsOf(await gql(ctx, token, LEVELS(main, "first: 3, reverse: true")))).toEqual([items[11], items[10], items[9]]);
    expect(itemsOf(await gql(ctx, token, LEVELS(main, "first: 50")))).toEqual(items);
  });

  it("filters by inventory_item_id, warns about unknown fields, names unimplemented ones, and drops deleted products", async () => {
    const { ctx, token, annex, items, products } = await twoLocations();
    const one = await gql(ctx, token, LEVELS(annex, `first: 5, query: "inventory_item_id:${items[5]!.split("/").pop()}"`));
    expect(itemsOf(one)).toEqual([items[5]]);
    const none = await gql(ctx, token, LEVELS(annex, `first: 5, query: "inventory_item_id:${items[0]!.split("/").pop()}"`));
    expect(itemsOf(none)).toEqual([]);
    const unknown = await gql(ctx, token, LEVELS(annex, `first: 5, query: "colour:red"`));
    expect(itemsOf(unknown)).toHaveLength(3);
    expect((unknown.body.extensions as unknown as { search: unknown[] }).search).toEqual([expect.objectContaining({ path: ["location", "inventoryLevels"], warnings: [expect.objectContaining({ field: "colour" })] })]);
    const unimplemented = await gql(ctx, token, LEVELS(annex, `first: 5, query: "updated_at:>2020-01-01"`));
    expect(unimplemented.body.errors[0]).toMatchObject({ message: expect.stringContaining("Search field 'updated_at' of Location.inventoryLevels"), extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" } });
    await call(ctx, "DELETE", `/__sandbox/shopify/shops/${SHOP}/products/${products[5]!.id.split("/").pop()}`);
    expect(itemsOf(await gql(ctx, token, LEVELS(annex, "first: 5")))).toEqual([items[2], items[9]]);
  });

  it("a level created by inventorySetQuantities at another location appears there", async () => {
    const { ctx, token, annex, items } = await twoLocations();
    const res = await gql(ctx, token, `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: "loc-1") { userErrors { message } } }`, {
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: items[0], locationId: annex, quantity: 4, changeFromQuantity: 0 }] },
    });
    expect(res.body.data!.inventorySetQuantities.userErrors).toEqual([]);
    expect(itemsOf(await gql(ctx, token, LEVELS(annex, "first: 5")))).toEqual([items[0], items[2], items[5], items[9]]);
  });
});
