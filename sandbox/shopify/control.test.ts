import { describe, expect, it } from "vitest";
import { shopifyModule } from "./index";
import { shopifyIndexHtml } from "./index-section";
import { call, fakeContext, gql, installedShop, request, SHOP, TEST_APP } from "./test-context";

const base = `/__sandbox/shopify/shops/${SHOP}`;

async function seeded() {
  const ctx = fakeContext();
  const { access_token: token } = await installedShop(ctx);
  for (const topic of ["PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_LEVELS_UPDATE", "FULFILLMENTS_CREATE", "FULFILLMENTS_UPDATE", "ORDERS_CANCELLED", "APP_UNINSTALLED"]) {
    await gql(ctx, token, `mutation { webhookSubscriptionCreate(topic: ${topic}, webhookSubscription: { uri: "http://127.0.0.1:3000/hooks" }) { userErrors { message } } }`);
  }
  const seed = await call(ctx, "POST", `${base}/products`, {
    body: { products: [
      { title: "Tee", descriptionHtml: "<p>x</p>", variants: [{ sku: "TEE-S", price: "20.00", inventoryQuantity: 5 }, { sku: "DUP", price: "1.00", inventoryQuantity: 1 }] },
      { title: "Other", descriptionHtml: "", variants: [{ sku: "DUP", price: "1.00", inventoryQuantity: 1 }] },
    ] },
  });
  const products = (seed.body as { products: { id: string; variants: { id: string; sku: string; inventoryItemId: string }[] }[] }).products;
  return { ctx, token, products, productId: products[0]!.id.split("/").pop()! };
}

const topics = (ctx: ReturnType<typeof fakeContext>) => ctx.hooks.map((h) => h.headers["x-shopify-topic"]);

describe("Shopify control API", () => {
  it("validates app registrations and shops", async () => {
    const ctx = fakeContext();
    expect((await call(ctx, "POST", "/__sandbox/apps", { body: { ...TEST_APP, redirectUrl: "not a url" } })).status).toBe(400);
    expect((await call(ctx, "POST", "/__sandbox/apps", { body: { ...TEST_APP, extra: 1 } })).status).toBe(400);
    expect((await call(ctx, "POST", "/__sandbox/apps", { body: TEST_APP })).status).toBe(201);
    for (const body of [{ domain: "acme.com" }, { domain: "Acme.myshopify.com" }, { domain: SHOP, plan: "gold" }, { domain: SHOP, currency: "usd" }, { domain: SHOP, ianaTimezone: "Mars/Base" }, { domain: SHOP, locations: [] }]) {
      const res = await call(ctx, "POST", "/__sandbox/shopify/shops", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const created = await call(ctx, "POST", "/__sandbox/shopify/shops", { body: { domain: SHOP, currency: "EUR", locations: [{ name: "Paris", countryCode: "FR" }, { name: "Lyon" }] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currency: "EUR", locations: [{ name: "Paris", isPrimary: true }, { name: "Lyon", isPrimary: false }] });
    expect((await call(ctx, "POST", "/__sandbox/shopify/shops", { body: { domain: SHOP } })).status).toBe(409);
    expect((await call(ctx, "GET", "/__sandbox/shopify/shops")).body).toMatchObject({ shops: [{ domain: SHOP }] });
    expect((await call(ctx, "GET", "/__sandbox/shopify/shops/ghost.myshopify.com/orders")).status).toBe(404);
  });

  it("seeds products and refuses bad product input", async () => {
    const { ctx, products } = await seeded();
    expect(products[0]!.variants[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\/\d+$/), sku: "TEE-S", inventoryItemId: expect.stringMatching(/InventoryItem/) });
    for (const body of [{}, { products: [] }, { products: [{ title: "x", descriptionHtml: "", variants: [] }] }, { products: [{ title: "x", descriptionHtml: "", variants: [{ sku: "a", price: "-1", inventoryQuantity: 1 }] }] },
      { products: [{ title: "x", variants: [{ sku: "a", price: "1", inventoryQuantity: 1 }] }] }, { products: [{ title: "x", descriptionHtml: "", status: "LIVE", variants: [{ sku: "a", price: "1", inventoryQuantity: 1 }] }] }]) {
      expect((await call(ctx, "POST", `${base}/products`, { body })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("PATCH and DELETE a product emit products/update and products/delete", async () => {
    const { ctx, productId, products } = await seeded();
    expect((await call(ctx, "PATCH", `${base}/products/${productId}`, { body: {} })).status).toBe(400);
    expect((await call(ctx, "PATCH", `${base}/products/${productId}`, { body: { title: "" } })).status).toBe(400);
    expect((await call(ctx, "PATCH", `${base}/products/999999`, { body: { title: "x" } })).status).toBe(404);
    expect((await call(ctx, "PATCH", `${base}/products/${productId}`, { body: { variants: [{ sku: "NOPE", price: "2" }] } })).status).toBe(404);
    const patched = await call(ctx, "PATCH", `${base}/products/${productId}`, { body: { title: "Tee v2", variants: [{ id: products[0]!.variants[0]!.id, sku: "TEE-SMALL", price: "18.5" }] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Tee v2", variants: [{ sku: "TEE-SMALL", price: "18.50" }, { sku: "DUP" }] });
    expect(topics(ctx)).toEqual(["products/update"]);
    expect(JSON.parse(ctx.hooks[0]!.body)).toMatchObject({ id: Number(productId), title: "Tee v2" });
    expect((await call(ctx, "POST", `${base}/inventory`, { body: { sku: "TEE-S", available: 1 } })).status).toBe(409); // renamed: the old sku matches nothing
    expect((await call(ctx, "DELETE", `${base}/products/${productId}`)).status).toBe(200);
    expect(topics(ctx)).toEqual(["products/update", "products/delete"]);
    expect(JSON.parse(ctx.hooks[1]!.body)).toEqual({ id: Number(productId) });
    expect((await call(ctx, "DELETE", `${base}/products/${productId}`)).status).toBe(404);
  });

  it("sets inventory by sku or variant id; zero or several matches are 409", async () => {
    const { ctx, token, products } = await seeded();
    for (const body of [{ available: 1 }, { sku: "TEE-S", variantId: 1, available: 1 }, { sku: "TEE-S" }, { sku: "TEE-S", available: 1.5 }]) {
      expect((await call(ctx, "POST", `${base}/inventory`, { body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call(ctx, "POST", `${base}/inventory`, { body: { sku: "DUP", available: 1 } })).status).toBe(409);
    expect((await call(ctx, "POST", `${base}/inventory`, { body: { sku: "NONE", available: 1 } })).status).toBe(409);
    expect((await call(ctx, "POST", `${base}/inventory`, { body: { variantId: 424242, available: 1 } })).status).toBe(404);
    expect((await call(ctx, "POST", `${base}/inventory`, { body: { sku: "TEE-S", available: 1, locationId: 1 } })).status).toBe(404);
    const ok = await call(ctx, "POST", `${base}/inventory`, { body: { variantId: products[1]!.variants[0]!.id, available: 42 } });
    expect(ok.status).toBe(200);
    expect(topics(ctx)).toEqual(["inventory_levels/update"]);
    expect(JSON.parse(ctx.hooks[0]!.body)).toMatchObject({ available: 42, inventory_item_id: Number(products[1]!.variants[0]!.inventoryItemId.split("/").pop()) });
    const q = await gql(ctx, token, `{ productVariant(id: "${products[1]!.variants[0]!.id}") { inventoryQuantity } }`);
    expect(q.body.data!.productVariant.inventoryQuantity).toBe(42);
  });

  it("lists app orders and fulfills, corrects tracking and cancels them with webhooks", async () => {
    const { ctx, token, products } = await seeded();
    const mk = (sourceIdentifier: string) => gql(ctx, token, `mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } } }`, {
      o: { sourceName: "tiktok", sourceIdentifier, tags: ["TikTok"], lineItems: [{ variantId: products[0]!.variants[0]!.id, quantity: 2 }] },
    });
    const id1 = (await mk("tt-1")).body.data!.orderCreate.order.id.split("/").pop();
    const id2 = (await mk("tt-2")).body.data!.orderCreate.order.id.split("/").pop();
    const list = await call(ctx, "GET", `${base}/orders`);
    expect((list.body as { orders: unknown[] }).orders).toHaveLength(2);
    expect((list.body as { orders: unknown[] }).orders[0]).toMatchObject({ sourceName: "tiktok", sourceIdentifier: "tt-1", tags: ["TikTok"], currency: "USD", lineItems: [{ sku: "TEE-S", quantity: 2 }] });
    expect((await call(ctx, "POST", `${base}/orders/${id1}/fulfill`, { body: { company: "UPS" } })).status).toBe(400);
    expect((await call(ctx, "POST", `${base}/orders/${id1}/tracking`, { body: { trackingNumber: "X", company: "UPS" } })).status).toBe(409);
    expect((await call(ctx, "POST", `${base}/orders/999/fulfill`, { body: { trackingNumber: "1", company: "UPS" } })).status).toBe(404);
    const f = await call(ctx, "POST", `${base}/orders/${id1}/fulfill`, { body: { trackingNumber: "1Z1", company: "UPS" } });
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({ fulfillmentStatus: "FULFILLED", fulfillments: [{ tracking: [{ company: "UPS", number: "1Z1" }] }] });
    expect((await call(ctx, "POST", `${base}/orders/${id1}/fulfill`, { body: { trackingNumber: "1Z1", company: "UPS" } })).status).toBe(409);
    expect((await call(ctx, "POST", `${base}/orders/${id1}/tracking`, { body: { trackingNumber: "1Z2" } })).status).toBe(400);
    expect((await call(ctx, "POST", `${base}/orders/${id1}/tracking`, { body: { trackingNumber: "1Z2", company: "FedEx" } })).status).toBe(200);
    expect((await call(ctx, "POST", `${base}/orders/${id1}/cancel`, { body: {} })).status).toBe(409);
    expect((await call(ctx, "POST", `${base}/orders/${id2}/cancel`, { body: { reason: "NOPE" } })).status).toBe(400);
    expect((await call(ctx, "POST", `${base}/orders/${id2}/cancel`, { body: { reason: "CUSTOMER" } })).status).toBe(200);
    expect(topics(ctx)).toEqual(["fulfillments/create", "fulfillments/update", "orders/cancelled"]);
    expect(JSON.parse(ctx.hooks[1]!.body)).toMatchObject({ tracking_company: "FedEx", tracking_number: "1Z2", order_id: Number(id1) });
  });

  it("fulfills part of an order with lineItems, refuses more than is left, and filters the list by sourceIdentifier", async () => {
    const { ctx, token, products } = await seeded();
    const made = await gql(ctx, token, `mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id lineItems(first: 5) { nodes { id sku quantity } } } } }`, {
      o: { sourceName: "tiktok", sourceIdentifier: "tt-7", lineItems: [{ variantId: products[0]!.variants[0]!.id, quantity: 3 }, { variantId: products[1]!.variants[0]!.id, quantity: 1 }] },
    });
    await gql(ctx, token, `mutation { orderCreate(order: { sourceIdentifier: "tt-8", lineItems: [{ variantId: "${products[0]!.variants[0]!.id}", quantity: 1 }] }) { order { id } } }`);
    const order = made.body.data!.orderCreate.order;
    const id = order.id.split("/").pop();
    const [tee, other] = order.lineItems.nodes as { id: string }[];
    const summary = async () => (await call(ctx, "GET", `${base}/orders/${id}`)).body as { fulfillmentStatus: string; lineItems: { fulfilledQuantity: number }[]; fulfillments: unknown[] };
    const part = await call(ctx, "POST", `${base}/orders/${id}/fulfill`, { body: { trackingNumber: "1ZA", company: "UPS", lineItems: [{ lineItemId: tee!.id, quantity: 2 }] } });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ fulfillmentStatus: "PARTIALLY_FULFILLED", lineItems: [{ fulfilledQuantity: 2 }, { fulfilledQuantity: 0 }], fulfillments: [{ tracking: [{ number: "1ZA" }] }] });
    expect(JSON.parse(ctx.hooks.at(-1)!.body)).toMatchObject({ tracking_number: "1ZA", line_items: [{ sku: "TEE-S", quantity: 2 }] });
    const fo = await gql(ctx, token, `{ order(id: "${order.id}") { fulfillmentOrders(first: 1) { nodes { status lineItems(first: 5) { nodes { remainingQuantity } } } } } }`);
    expect(fo.body.data!.order.fulfillmentOrders.nodes[0]).toEqual({ status: "IN_PROGRESS", lineItems: { nodes: [{ remainingQuantity: 1 }, { remainingQuantity: 1 }] } });
    const hooks = ctx.hooks.length;
    // more than is left, or a line item of no open fulfillment order: refused, nothing changes
    const tooMany = await call(ctx, "POST", `${base}/orders/${id}/fulfill`, { body: { trackingNumber: "1ZB", company: "UPS", lineItems: [{ lineItemId: Number(tee!.id.split("/").pop()), quantity: 2 }] } });
    expect(tooMany).toMatchObject({ status: 409, body: { error: "Invalid fulfillment order line item quantity requested." } });
    const stranger = await call(ctx, "POST", `${base}/orders/${id}/fulfill`, { body: { trackingNumber: "1ZB", company: "UPS", lineItems: [{ lineItemId: "gid://shopify/LineItem/999999", quantity: 1 }] } });
    expect(stranger).toMatchObject({ status: 400, body: { error: "none of lineItems belongs to an open fulfillment order of this order" } });
    const zero = await call(ctx, "POST", `${base}/orders/${id}/fulfill`, { body: { trackingNumber: "1ZB", company: "UPS", lineItems: [{ lineItemId: tee!.id, quantity: 0 }] } });
    expect(zero.status).toBe(400);
    expect(await summary()).toMatchObject({ fulfillmentStatus: "PARTIALLY_FULFILLED", lineItems: [{ fulfilledQuantity: 2 }, { fulfilledQuantity: 0 }] });
    expect((await summary()).fulfillments).toHaveLength(1);
    expect(ctx.hooks).toHaveLength(hooks);
    // without lineItems: everything left
    const rest = await call(ctx, "POST", `${base}/orders/${id}/fulfill`, { body: { trackingNumber: "1ZC", company: "UPS" } });
    expect(rest.body).toMatchObject({ fulfillmentStatus: "FULFILLED", lineItems: [{ fulfilledQuantity: 3 }, { fulfilledQuantity: 1 }] });
    expect(JSON.parse(ctx.hooks.at(-1)!.body).line_items.map((l: { quantity: number }) => l.quantity)).toEqual([1, 1]);
    expect(other).toBeDefined();
    const filtered = (await call(ctx, "GET", `${base}/orders?sourceIdentifier=tt-8`)).body as { orders: { sourceIdentifier: string }[] };
    expect(filtered.orders.map((o) => o.sourceIdentifier)).toEqual(["tt-8"]);
    expect(((await call(ctx, "GET", `${base}/orders?sourceIdentifier=nope`)).body as { orders: unknown[] }).orders).toEqual([]);
  });

  it("uninstall sends app/uninstalled and revokes the token; gdpr goes to the compliance address", async () => {
    const { ctx, token } = await seeded();
    expect((await call(ctx, "POST", `${base}/gdpr`, { body: { topic: "customers/delete" } })).status).toBe(400);
    expect((await call(ctx, "POST", `${base}/gdpr`, { body: { topic: "customers/redact", customerEmail: "nope" } })).status).toBe(400);
    const gdpr = await call(ctx, "POST", `${base}/gdpr`, { body: { topic: "customers/redact", customerEmail: "a@b.co" } });
    expect(gdpr.body).toMatchObject({ webhooksSent: 1 });
    expect(ctx.hooks[0]!.url).toBe(TEST_APP.complianceWebhookUrl);
    expect(JSON.parse(ctx.hooks[0]!.body)).toMatchObject({ shop_domain: SHOP, customer: { email: "a@b.co" }, orders_to_redact: [] });
    expect((await call(ctx, "POST", `${base}/uninstall`, { body: { clientId: "other" } })).status).toBe(404);
    const un = await call(ctx, "POST", `${base}/uninstall`, { body: {} });
    expect(un.body).toEqual({ uninstalled: [TEST_APP.clientId], webhooksSent: 1 });
    expect(ctx.hooks[1]!.headers["x-shopify-topic"]).toBe("app/uninstalled");
    expect(JSON.parse(ctx.hooks[1]!.body)).toMatchObject({ myshopify_domain: SHOP });
    expect((await gql(ctx, token, "{ shop { name } }")).status).toBe(401);
  });

  it("seeds 50,000 variants well under 30 s and answers sku queries", async () => {
    const ctx = fakeContext();
    const { access_token: token } = await installedShop(ctx);
    const products = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Product ${i}`, descriptionHtml: "", variants: Array.from({ length: 5 }, (_, j) => ({ sku: `SKU-${i}-${j}`, barcode: `${i}${j}`, price: "10.00", inventoryQuantity: j, selectedOptions: [{ name: "Size", value: `S${j}` }] })),
    }));
    const started = Date.now();
    const res = await call(ctx, "POST", `${base}/products`, { body: { products } });
    const seedMs = Date.now() - started;
    expect(res.status).toBe(201);
    expect(seedMs).toBeLessThan(30_000);
    for (let i = 0; i < 50; i += 1) {
      const r = await gql(ctx, token, `{ productVariants(first: 5, query: "sku:SKU-${i * 97}-3") { nodes { sku inventoryQuantity } } }`);
      expect(r.body.data!.productVariants.nodes).toEqual([{ sku: `SKU-${i * 97}-3`, inventoryQuantity: 3 }]);
    }
    // What a query costs is proven by counting reads (search.test.ts) and measured by `npm run bench -- sandbox-search`.
    const deep = await gql(ctx, token, `{ productVariants(first: 250, query: "barcode:99994") { nodes { sku } } }`);
    expect(deep.body.data!.productVariants.nodes).toEqual([{ sku: "SKU-9999-4" }]);
  });
});

describe("Shopify index fragment and faults", () => {
  it("lists shops, products and orders with a Fulfill form for open orders", async () => {
    const { ctx, token, products } = await seeded();
    await gql(ctx, token, `mutation { orderCreate(order: { sourceName: "tiktok", sourceIdentifier: "tt-9", lineItems: [{ variantId: "${products[0]!.variants[0]!.id}", quantity: 1 }] }) { order { id } } }`);
    const html = shopifyIndexHtml(ctx);
    expect(html).toContain(SHOP);
    expect(html).toMatch(/<code>TEE-S<\/code> <small>[^<]* · available 5/);
    expect(html).toContain("tt-9");
    expect(html).toMatch(/action="\/__sandbox\/ui\/shopify\/shops\/acme\.myshopify\.com\/orders\/\d+\/fulfill"/);
  });

  it("answers injected faults in Shopify's formats and exempts the install page", () => {
    const gqlReq = request("POST", `/shopify/${SHOP}/admin/api/2026-10/graphql.json`, { body: { query: "{ shop { name } }" } });
    const err = shopifyModule.faultResponse!("error", gqlReq);
    expect(err.status).toBe(500);
    expect(err.body).toMatchObject({ errors: [{ extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    const limited = shopifyModule.faultResponse!("rateLimit", gqlReq);
    expect(limited).toMatchObject({ status: 200, body: { errors: [{ extensions: { code: "THROTTLED" } }] } });
    expect(shopifyModule.faultResponse!("rateLimit", request("POST", `/shopify/${SHOP}/admin/oauth/access_token`)).status).toBe(429);
    expect(shopifyModule.faultExempt!(request("GET", `/shopify/${SHOP}/admin/oauth/authorize`))).toBe(true);
    expect(shopifyModule.faultExempt!(gqlReq)).toBe(false);
  });
});
