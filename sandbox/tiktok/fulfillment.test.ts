// Ship Package (/fulfillment/202309/packages/{package_id}/ship) and Update Shipping Info at order level
// (/fulfillment/202309/orders/{order_id}/shipping_info/update).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, connectedShop, startKit, type Json, type Kit } from "./test-kit";

let kit: Kit;
let shop: Json;
let t: string;
let skuId: string;
let usps: string;
let ups: string;

beforeEach(async () => {
  kit = await startKit();
  ({ shop, token: { access_token: t } } = await connectedShop(kit));
  skuId = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "Mug", skus: [{ sellerSku: "MUG", price: "8.00", quantity: 100 }] }] })).body.products[0].skus[0].id;
  const opt = (await call("GET", `/logistics/202309/warehouses/${shop.warehouseIds[0]}/delivery_options`)).body.data.delivery_options[0].id;
  const providers = (await call("GET", `/logistics/202309/delivery_options/${opt}/shipping_providers`)).body.data.shipping_providers;
  usps = providers.find((p: Json) => p.name === "USPS").id;
  ups = providers.find((p: Json) => p.name === "UPS").id;
});
afterEach(async () => {
  await kit.close();
});

const call = (method: string, path: string, o: { query?: Record<string, string>; body?: unknown } = {}) => api(kit, method, path, { token: t, cipher: shop.cipher, ...o });
const newOrder = async (quantity = 1) =>
  (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/orders`, { lineItems: [{ skuId, quantity }], status: "AWAITING_SHIPMENT" })).body.orderId as string;
const detail = async (id: string) => (await call("GET", "/order/202507/orders", { query: { ids: id } })).body.data.orders[0];
const packageOf = async (id: string) => (await detail(id)).packages[0].id as string;
const packageDetail = async (pkg: string) => (await call("GET", `/fulfillment/202309/packages/${pkg}`)).body.data;

describe("Ship Package", () => {
  it("ships with the seller's tracking (self_shipment), then refuses to ship it again", async () => {
    const id = await newOrder(2);
    const pkg = await packageOf(id);
    const res = await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body: { handover_method: "DROP_OFF", self_shipment: { tracking_number: "9400100000000000000021", shipping_provider_id: usps } } });
    expect(res.body).toMatchObject({ code: 0, data: {} });
    expect(await packageDetail(pkg)).toMatchObject({ tracking_number: "9400100000000000000021", shipping_provider_id: usps, shipping_provider_name: "USPS", package_status: "FULFILLING" });
    expect((await detail(id)).status).toBe("AWAITING_COLLECTION");
    const again = await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body: { self_shipment: { tracking_number: "9400100000000000000022", shipping_provider_id: usps } } });
    expect(again.body.code).toBe(11006021);
    expect((await packageDetail(pkg)).tracking_number).toBe("9400100000000000000021");
  });

  it("ships by TikTok Shipping without self_shipment: the platform assigns the tracking number", async () => {
    const id = await newOrder();
    const pkg = await packageOf(id);
    expect((await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body: { handover_method: "PICKUP" } })).body.code).toBe(0);
    const after = await packageDetail(pkg);
    expect(after.tracking_number).toMatch(/^TT\d{12}$/);
    expect(after.shipping_provider_id).not.toBe("");
    expect((await detail(id)).status).toBe("AWAITING_COLLECTION");
  });

  it.each([
    ["a tracking number with special characters", { self_shipment: { tracking_number: "94001 0000/0", shipping_provider_id: "__USPS__" } }, 21004012],
    ["a provider of another market", { self_shipment: { tracking_number: "9400100000000000000031", shipping_provider_id: "7000000000000000000" } }, 21011022],
    ["self_shipment without its tracking number", { self_shipment: { shipping_provider_id: "__USPS__" } }, 21001001],
  ])("refuses %s and leaves the package unshipped", async (_name, rawBody, code) => {
    const id = await newOrder();
    const pkg = await packageOf(id);
    const body = JSON.parse(JSON.stringify(rawBody).replace("__USPS__", usps));
    expect((await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body })).body.code).toBe(code);
    expect(await packageDetail(pkg)).toMatchObject({ tracking_number: "", package_status: "PROCESSING" });
    expect((await detail(id)).status).toBe("AWAITING_SHIPMENT");
  });

  it("refuses unknown packages and packages of cancelled orders", async () => {
    expect((await call("POST", "/fulfillment/202309/packages/1150000000000000999/ship", { body: {} })).body.code).toBe(21011028);
    const id = await newOrder();
    const pkg = await packageOf(id);
    await kit.control("POST", `/__sandbox/tiktok/orders/${id}/status`, { status: "CANCELLED" });
    expect((await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body: { self_shipment: { tracking_number: "9400100000000000000041", shipping_provider_id: usps } } })).body.code).toBe(21011042);
  });
});

describe("Update Shipping Info (order level)", () => {
  const update = (id: string, tracking: string, provider = ups) =>
    call("POST", `/fulfillment/202309/orders/${id}/shipping_info/update`, { body: { tracking_number: tracking, shipping_provider_id: provider } });

  it("corrects the tracking of an order with one shipped package, once", async () => {
    const id = await newOrder();
    const pkg = await packageOf(id);
    await call("POST", `/fulfillment/202309/packages/${pkg}/ship`, { body: { self_shipment: { tracking_number: "9400100000000000000051", shipping_provider_id: usps } } });
    const before = (await detail(id)).update_time;
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 3600 });
    expect((await update(id, "1Z999AA10123456784")).body).toMatchObject({ code: 0, data: {} });
    expect(await packageDetail(pkg)).toMatchObject({ tracking_number: "1Z999AA10123456784", shipping_provider_id: ups, shipping_provider_name: "UPS" });
    expect((await detail(id)).update_time).toBeGreaterThan(before);
    expect((await update(id, "1Z999AA10123456785")).body.code).toBe(21011051);
    expect((await packageDetail(pkg)).tracking_number).toBe("1Z999AA10123456784");
  });

  it("refuses after 72 hours of sandbox time", async () => {
    const id = await newOrder();
    await call("POST", `/fulfillment/202309/packages/${await packageOf(id)}/ship`, { body: { self_shipment: { tracking_number: "9400100000000000000061", shipping_provider_id: usps } } });
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 72 * 3600 + 60 });
    expect((await update(id, "1Z999AA10123456786")).body.code).toBe(21011050);
  });

  it("points split orders to the package-level update (10007002) and refuses unshipped ones (21011043)", async () => {
    const unshipped = await newOrder();
    expect((await update(unshipped, "1Z999AA10123456787")).body.code).toBe(21011043);
    const id = await newOrder(2);
    const lines = (await detail(id)).line_items.map((l: Json) => l.id);
    await call("POST", `/fulfillment/202309/orders/${id}/packages`, { body: { order_line_item_ids: [lines[0]], tracking_number: "9400100000000000000071", shipping_provider_id: usps } });
    await call("POST", `/fulfillment/202309/orders/${id}/packages`, { body: { tracking_number: "9400100000000000000072", shipping_provider_id: usps } });
    expect((await detail(id)).packages).toHaveLength(2);
    expect((await update(id, "1Z999AA10123456788")).body.code).toBe(10007002);
  });

  it.each([
    ["an unknown order", "5760000000000000999", "1Z999AA10123456789", 21008111],
    ["a bad tracking number", null, "1Z 999", 21004012],
  ])("refuses %s", async (_name, orderId, tracking, code) => {
    const id = orderId ?? (await newOrder());
    if (!orderId) await call("POST", `/fulfillment/202309/packages/${await packageOf(id)}/ship`, { body: { self_shipment: { tracking_number: "9400100000000000000081", shipping_provider_id: usps } } });
    expect((await update(id, tracking)).body.code).toBe(code);
  });
});
