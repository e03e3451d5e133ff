import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, connectedShop, receiver, startKit, type Kit } from "./test-kit";
import type { Json } from "./test-kit";

let kit: Kit;
let hooks: Awaited<ReturnType<typeof receiver>>;
let ctx: { shop: Json; t: string; skuId: string };
beforeEach(async () => {
  kit = await startKit();
  hooks = await receiver();
  const { shop, token } = await connectedShop(kit, { webhookUrl: hooks.url });
  const { products } = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
    products: [{ title: "Socks", skus: [{ sellerSku: "SOCK-1", price: "4.00", quantity: 50 }] }],
  })).body;
  ctx = { shop, t: token.access_token, skuId: products[0].skus[0].id };
});
afterEach(async () => {
  await kit.close();
  await hooks.close();
});

const call = (method: string, path: string, o: { query?: Record<string, string>; body?: unknown } = {}) => api(kit, method, path, { token: ctx.t, cipher: ctx.shop.cipher, ...o });

describe("orders", () => {
  it("leave ON_HOLD by themselves after onHoldSeconds and emit ORDER_STATUS_CHANGE", async () => {
    const made = await kit.control("POST", `/__sandbox/tiktok/shops/${ctx.shop.shopId}/orders`, { lineItems: [{ sellerSku: "SOCK-1", quantity: 2 }], shippingFee: "1.50", discount: "1.00", tax: "0.40" });
    expect(made.status).toBe(201);
    const id = made.body.orderId;
    let detail = (await call("GET", "/order/202507/orders", { query: { ids: id } })).body.data.orders[0];
    expect(detail.status).toBe("ON_HOLD");
    expect(detail.line_items).toHaveLength(2); // one line item per unit
    expect(detail.payment).toMatchObject({ currency: "USD", sub_total: "7.00", shipping_fee: "1.50", tax: "0.40", total_amount: "8.90" });
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 3601 });
    detail = (await call("GET", "/order/202507/orders", { query: { ids: id } })).body.data.orders[0];
    expect(detail.status).toBe("AWAITING_SHIPMENT");
    expect(detail.packages).toHaveLength(1);
    const got = await hooks.waitFor(2);
    expect(got.map((g) => g.json.data.order_status)).toEqual(["ON_HOLD", "AWAITING_SHIPMENT"]);
    expect(got[1]!.json).toMatchObject({ type: 1, shop_id: ctx.shop.shopId, data: { order_id: id, is_on_hold_order: true } });
  });

  it("allows only legal transitions (409 lists the allowed ones)", async () => {
    const id = (await kit.control("POST", `/__sandbox/tiktok/shops/${ctx.shop.shopId}/orders`, { lineItems: [{ skuId: ctx.skuId, quantity: 1 }], status: "AWAITING_SHIPMENT" })).body.orderId;
    const bad = await kit.control("POST", `/__sandbox/tiktok/orders/${id}/status`, { status: "DELIVERED" });
    expect(bad.status).toBe(409);
    expect(bad.body.allowed).toContain("CANCELLED");
    for (const s of ["IN_TRANSIT", "DELIVERED", "COMPLETED"]) expect((await kit.control("POST", `/__sandbox/tiktok/orders/${id}/status`, { status: s })).status).toBe(200);
    const o = (await kit.control("GET", `/__sandbox/tiktok/orders/${id}`)).body;
    expect(o.status).toBe("COMPLETED");
    expect(o.package_details[0].tracking_number).toMatch(/^SBX/);
  });

  it("search pages by update_time windows; detail takes at most 50 ids", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await kit.control("POST", `/__sandbox/tiktok/shops/${ctx.shop.shopId}/orders`, { lineItems: [{ skuId: ctx.skuId, quantity: 1 }], status: "AWAITING_SHIPMENT" })).body.orderId);
    const now = Math.floor(Date.now() / 1000);
    const found: string[] = [];
    let token = "";
    do {
      const r = await call("POST", "/order/202309/orders/search", { query: { page_size: "2", sort_field: "update_time", sort_order: "ASC", ...(token ? { page_token: token } : {}) }, body: { update_time_ge: now - 60, update_time_lt: now + 60, order_status: "AWAITING_SHIPMENT" } });
      expect(r.body.code).toBe(0);
      expect(r.body.data.total_count).toBe(5);
      found.push(...r.body.data.orders.map((o: Json) => o.id));
      token = r.body.data.next_page_token;
    } while (token);
    expect(found.sort()).toEqual([...ids].sort());
    const none = await call("POST", "/order/202309/orders/search", { query: { page_size: "10" }, body: { update_time_ge: now + 3600 } });
    expect(none.body.data.orders).toHaveLength(0);
    const tooMany = await call("GET", "/order/202507/orders", { query: { ids: Array.from({ length: 51 }, (_, i) => String(i)).join(",") } });
    expect(tooMany.body.code).toBe(36009004);
  });

  it("stores and finds external order references", async () => {
    const id = (await kit.control("POST", `/__sandbox/tiktok/shops/${ctx.shop.shopId}/orders`, { lineItems: [{ skuId: ctx.skuId, quantity: 1 }], status: "AWAITING_SHIPMENT" })).body.orderId;
    const li = (await call("GET", "/order/202507/orders", { query: { ids: id } })).body.data.orders[0].line_items[0].id;
    const add = await call("POST", "/order/202406/orders/external_orders", { body: { orders: [
      { id, external_order: { id: "gid://shopify/Order/1", platform: "SHOPIFY", line_items: [{ id: "gid://shopify/LineItem/9", origin_id: li }] } },
      { id: "576999", external_order: { id: "x", platform: "SHOPIFY", line_items: [] } },
    ] } });
    expect(add.body.code).toBe(0);
    expect(add.body.data.errors).toHaveLength(1);
    expect(add.body.data.errors[0].code).toBe("36020001");
    const search = await call("POST", "/order/202406/orders/external_order_search", { query: { platform: "SHOPIFY", external_order_id: "gid://shopify/Order/1" }, body: {} });
    expect(search.body.data.orders).toEqual([{ id, external_order: { id: "gid://shopify/Order/1", platform: "SHOPIFY", line_items: [{ id: "gid://shopify/LineItem/9", origin_id: li }] } }]);
    const get = await call("GET", `/order/202406/orders/${id}/external_orders`, { query: { platform: "SHOPIFY" } });
    expect(get.body.data.external_orders).toHaveLength(1);
  });

  it("ships split packages, then allows one tracking correction within 72 hours", async () => {
    const id = (await kit.control("POST", `/__sandbox/tiktok/shops/${ctx.shop.shopId}/orders`, { lineItems: [{ skuId: ctx.skuId, quantity: 3 }], status: "AWAITING_SHIPMENT" })).body.orderId;
    const lines = (await call("GET", "/order/202507/orders", { query: { ids: id } })).body.data.orders[0].line_items.map((l: Json) => l.id);
    const opt = (await call("GET", `/logistics/202309/warehouses/${ctx.shop.warehouseIds[0]}/delivery_options`)).body.data.delivery_options[0].id;
    const providers = (await call("GET", `/logistics/202309/delivery_options/${opt}/shipping_providers`)).body.data.shipping_providers;
    const usps = providers.find((p: Json) => p.name === "USPS").id;
    const first = await call("POST", `/fulfillment/202309/orders/${id}/packages`, { body: { order_line_item_ids: [lines[0]], tracking_number: "9400100000000000000001", shipping_provider_id: usps } });
    expect(first.body.code).toBe(0);
    let o = (await kit.control("GET", `/__sandbox/tiktok/orders/${id}`)).body;
    expect(o.status).toBe("PARTIALLY_SHIPPING");
    const again = await call("POST", `/fulfillment/202309/orders/${id}/packages`, { body: { order_line_item_ids: [lines[0]], tracking_number: "9400100000000000000002", shipping_provider_id: usps } });
    expect(again.body.code).toBe(21008099);
    const rest = await call("POST", `/fulfillment/202309/orders/${id}/packages`, { body: { tracking_number: "9400100000000000000003", shipping_provider_id: usps } });
    expect(rest.body.data.order_line_item_ids).toEqual([lines[1], lines[2]]);
    o = (await kit.control("GET", `/__sandbox/tiktok/orders/${id}`)).body;
    expect(o.status).toBe("AWAITING_COLLECTION");
    expect(o.packages).toHaveLength(2);
    const pkg = first.body.data.package_id;
    const fix = await call("POST", `/fulfillment/202309/packages/${pkg}/shipping_info/update`, { body: { tracking_number: "9400100000000000000009", shipping_provider_id: usps } });
    expect(fix.body.code).toBe(0);
    const twice = await call("POST", `/fulfillment/202309/packages/${pkg}/shipping_info/update`, { body: { tracking_number: "9400100000000000000010", shipping_provider_id: usps } });
    expect(twice.body.code).toBe(21011051);
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 73 * 3600 });
    const late = await call("POST", `/fulfillment/202309/packages/${rest.body.data.package_id}/shipping_info/update`, { body: { tracking_number: "9400100000000000000011", shipping_provider_id: usps } });
    expect(late.body.code).toBe(21011050);
  });
});
