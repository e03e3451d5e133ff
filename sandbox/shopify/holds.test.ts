import { describe, expect, it } from "vitest";
import { call, fakeContext, gql, installedShop, SHOP } from "./test-context";

const SCOPE = "read_products,write_products,read_orders,write_orders,write_inventory,write_merchant_managed_fulfillment_orders";

async function heldOrderKit(scope = SCOPE) {
  const ctx = fakeContext();
  const { access_token: token } = await installedShop(ctx, { scope });
  const seed = await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, { body: { products: [{ title: "Tee", descriptionHtml: "", variants: [{ sku: "TEE", price: "20.00", inventoryQuantity: 5 }] }] } });
  const variantId = (seed.body as { products: { variants: { id: string }[] }[] }).products[0]!.variants[0]!.id;
  const created = await gql(ctx, token, `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id fulfillmentOrders(first: 2) { nodes { id lineItems(first: 2) { nodes { id remainingQuantity } } } } } } }`, {
    order: { lineItems: [{ variantId, quantity: 2 }] },
  });
  const order = created.body.data!.orderCreate.order;
  const fo = order.fulfillmentOrders.nodes[0] as { id: string; lineItems: { nodes: { id: string; remainingQuantity: number }[] } };
  return { ctx, token, orderId: order.id as string, fo };
}

const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { id handle reason reasonNotes displayReason heldByRequestingApp }
    fulfillmentOrder { id status supportedActions { action } }
    remainingFulfillmentOrder { id }
    userErrors { field message code }
  }
}`;
const RELEASE = `mutation Release($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) { fulfillmentOrder { id status fulfillmentHolds { id } supportedActions { action } } userErrors { field message code } }
}`;
const FULFILL = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { field message } } }`;
const READ = `query($id: ID!) { fulfillmentOrder(id: $id) { status fulfillmentHolds { id handle reason reasonNotes heldByRequestingApp } supportedActions { action } } }`;

const hold = { reason: "OTHER", reasonNotes: "TikTok Shop hold: the buyer may still cancel", handle: "ferry-tiktok-hold" };

describe("fulfillmentOrderHold and fulfillmentOrderReleaseHold", () => {
  it("holds an open fulfillment order, refuses to fulfill it while held, and releases it back to OPEN", async () => {
    const { ctx, token, fo } = await heldOrderKit();
    const held = (await gql(ctx, token, HOLD, { id: fo.id, hold })).body.data!.fulfillmentOrderHold;
    expect(held).toEqual({
      fulfillmentHold: { id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentHold\/\d+$/), handle: "ferry-tiktok-hold", reason: "OTHER", reasonNotes: hold.reasonNotes, displayReason: "Other", heldByRequestingApp: true },
      fulfillmentOrder: { id: fo.id, status: "ON_HOLD", supportedActions: [{ action: "RELEASE_HOLD" }, { action: "HOLD" }] },
      remainingFulfillmentOrder: null,
      userErrors: [],
    });
    const search = await gql(ctx, token, `{ fulfillmentOrders(first: 5, query: "status:on_hold") { nodes { id } } }`);
    expect(search.body.data!.fulfillmentOrders.nodes).toEqual([{ id: fo.id }]);

    const refused = await gql(ctx, token, FULFILL, { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(refused.body.data!.fulfillmentCreate).toEqual({ fulfillment: null, userErrors: [{ field: ["fulfillment"], message: expect.stringContaining("unfulfillable status= on_hold") }] });

    const released = (await gql(ctx, token, RELEASE, { id: fo.id, holdIds: [held.fulfillmentHold.id] })).body.data!.fulfillmentOrderReleaseHold;
    expect(released).toEqual({ fulfillmentOrder: { id: fo.id, status: "OPEN", fulfillmentHolds: [], supportedActions: [{ action: "CREATE_FULFILLMENT" }, { action: "HOLD" }] }, userErrors: [] });
    const fulfilled = await gql(ctx, token, FULFILL, { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(fulfilled.body.data!.fulfillmentCreate.userErrors).toEqual([]);
  });

  it("a second hold with the same handle is refused and changes nothing; another handle adds a hold", async () => {
    const { ctx, token, fo } = await heldOrderKit();
    await gql(ctx, token, HOLD, { id: fo.id, hold });
    const again = (await gql(ctx, token, HOLD, { id: fo.id, hold })).body.data!.fulfillmentOrderHold;
    expect(again).toEqual({ fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [{ field: ["fulfillmentHold", "handle"], message: expect.any(String), code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }] });
    expect((await gql(ctx, token, READ, { id: fo.id })).body.data!.fulfillmentOrder.fulfillmentHolds).toHaveLength(1);

    const second = (await gql(ctx, token, HOLD, { id: fo.id, hold: { reason: "INCORRECT_ADDRESS", handle: "address" } })).body.data!.fulfillmentOrderHold;
    expect(second.userErrors).toEqual([]);
    // Releasing one of two holds keeps the fulfillment order on hold.
    const first = (await gql(ctx, token, READ, { id: fo.id })).body.data!.fulfillmentOrder.fulfillmentHolds[0].id;
    const partly = (await gql(ctx, token, RELEASE, { id: fo.id, holdIds: [first] })).body.data!.fulfillmentOrderReleaseHold;
    expect(partly.fulfillmentOrder).toMatchObject({ status: "ON_HOLD", fulfillmentHolds: [{ id: second.fulfillmentHold.id }] });
    // Without holdIds every hold goes.
    const all = (await gql(ctx, token, RELEASE, { id: fo.id })).body.data!.fulfillmentOrderReleaseHold;
    expect(all.fulfillmentOrder).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
  });

  it("refuses unknown ids, closed fulfillment orders, a release of what is not held, and more than ten holds per app", async () => {
    const { ctx, token, fo, orderId } = await heldOrderKit();
    for (const id of ["gid://shopify/FulfillmentOrder/999999", "gid://shopify/Order/1"]) {
      const h = (await gql(ctx, token, HOLD, { id, hold })).body.data!.fulfillmentOrderHold;
      expect(h).toMatchObject({ fulfillmentHold: null, fulfillmentOrder: null, userErrors: [{ field: ["id"], code: "FULFILLMENT_ORDER_NOT_FOUND" }] });
      const r = (await gql(ctx, token, RELEASE, { id })).body.data!.fulfillmentOrderReleaseHold;
      expect(r).toMatchObject({ fulfillmentOrder: null, userErrors: [{ field: ["id"], code: "FULFILLMENT_ORDER_NOT_FOUND" }] });
    }
    const notHeld = (await gql(ctx, token, RELEASE, { id: fo.id })).body.data!.fulfillmentOrderReleaseHold;
    expect(notHeld).toMatchObject({ fulfillmentOrder: null, userErrors: [{ field: ["id"], message: expect.stringContaining("not on hold"), code: null }] });
    const tooLong = (await gql(ctx, token, HOLD, { id: fo.id, hold: { ...hold, handle: "x".repeat(65) } })).body.data!.fulfillmentOrderHold;
    expect(tooLong.userErrors).toEqual([{ field: ["fulfillmentHold", "handle"], message: expect.stringContaining("64"), code: null }]);

    for (let i = 0; i < 10; i++) expect((await gql(ctx, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: `h${i}` } })).body.data!.fulfillmentOrderHold.userErrors).toEqual([]);
    const eleventh = (await gql(ctx, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "h10" } })).body.data!.fulfillmentOrderHold;
    expect(eleventh.userErrors).toMatchObject([{ code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED" }]);

    // Cancelling a held order works, as in Shopify: its fulfillment orders close and their holds go.
    const cancel = await gql(ctx, token, `mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true) { orderCancelUserErrors { message } } }`, { id: orderId });
    expect(cancel.body.data!.orderCancel.orderCancelUserErrors).toEqual([]);
    expect((await gql(ctx, token, READ, { id: fo.id })).body.data!.fulfillmentOrder).toEqual({ status: "CLOSED", fulfillmentHolds: [], supportedActions: [] });
    const closed = (await gql(ctx, token, HOLD, { id: fo.id, hold })).body.data!.fulfillmentOrderHold;
    expect(closed).toMatchObject({ fulfillmentOrder: null, userErrors: [{ field: ["id"], message: expect.stringContaining("closed") }] });
  });

  it("line items: every remaining one holds the whole order; a partial hold, duplicates and bad quantities are refused", async () => {
    const { ctx, token, fo } = await heldOrderKit();
    const line = fo.lineItems.nodes[0]!;
    const bad = async (items: { id: string; quantity: number }[]) => (await gql(ctx, token, HOLD, { id: fo.id, hold: { ...hold, fulfillmentOrderLineItems: items } })).body;
    expect((await bad([{ id: line.id, quantity: 0 }])).data!.fulfillmentOrderHold.userErrors).toMatchObject([{ code: "GREATER_THAN_ZERO" }]);
    expect((await bad([{ id: line.id, quantity: 3 }])).data!.fulfillmentOrderHold.userErrors).toMatchObject([{ code: "INVALID_LINE_ITEM_QUANTITY" }]);
    expect((await bad([{ id: line.id, quantity: 1 }, { id: line.id, quantity: 1 }])).data!.fulfillmentOrderHold.userErrors).toMatchObject([{ code: "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS" }]);
    expect((await bad([{ id: line.id, quantity: 1 }])).errors).toMatchObject([{ extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" } }]);
    expect((await gql(ctx, token, READ, { id: fo.id })).body.data!.fulfillmentOrder).toMatchObject({ status: "OPEN", fulfillmentHolds: [] });
    expect((await bad([{ id: line.id, quantity: 2 }])).data!.fulfillmentOrderHold.fulfillmentOrder).toMatchObject({ status: "ON_HOLD" });
    const onHeld = await gql(ctx, token, HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "second", fulfillmentOrderLineItems: [{ id: line.id, quantity: 2 }] } });
    expect(onHeld.body.data!.fulfillmentOrderHold.userErrors).toMatchObject([{ code: "FULFILLMENT_ORDER_NOT_SPLITTABLE" }]);
  });

  it("another app's hold: listed as not ours, and naming it in holdIds is refused", async () => {
    const { ctx, token, fo } = await heldOrderKit();
    const theirs = (await gql(ctx, token, HOLD, { id: fo.id, hold })).body.data!.fulfillmentOrderHold.fulfillmentHold.id as string;
    // The same shop through another app: register and install it.
    const other = { platform: "shopify", clientId: "other-app", clientSecret: "shpss_other_secret_456", redirectUrl: "http://127.0.0.1:3001/cb", complianceWebhookUrl: "http://127.0.0.1:3001/compliance" };
    await call(ctx, "POST", "/__sandbox/apps", { body: other });
    const redirect = await call(ctx, "POST", `/shopify/${SHOP}/admin/oauth/authorize`, { form: true, body: { client_id: other.clientId, scope: SCOPE, redirect_uri: other.redirectUrl, state: "n", decision: "install" } });
    const code = new URL(redirect.headers!.location!).searchParams.get("code")!;
    const otherToken = ((await call(ctx, "POST", `/shopify/${SHOP}/admin/oauth/access_token`, { body: { client_id: other.clientId, client_secret: other.clientSecret, code } })).body as { access_token: string }).access_token;
    expect((await gql(ctx, otherToken, READ, { id: fo.id })).body.data!.fulfillmentOrder.fulfillmentHolds).toMatchObject([{ id: theirs, heldByRequestingApp: false }]);
    const refused = (await gql(ctx, otherToken, RELEASE, { id: fo.id, holdIds: [theirs] })).body.data!.fulfillmentOrderReleaseHold;
    expect(refused).toMatchObject({ fulfillmentOrder: null, userErrors: [{ field: ["holdIds"], code: "INVALID_ACCESS" }] });
    expect((await gql(ctx, token, READ, { id: fo.id })).body.data!.fulfillmentOrder.status).toBe("ON_HOLD");
  });

  it("needs a fulfillment order write scope, as Shopify's ACCESS_DENIED says", async () => {
    const { ctx, token, fo } = await heldOrderKit("read_products,write_products,read_orders,write_orders");
    const denied = await gql(ctx, token, HOLD, { id: fo.id, hold });
    expect(denied.body.errors[0]).toMatchObject({
      message: "Access denied for fulfillmentOrderHold field. Required access: `write_merchant_managed_fulfillment_orders` access scope or `write_third_party_fulfillment_orders` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
    const release = await gql(ctx, token, RELEASE, { id: fo.id });
    expect(release.body.errors[0].extensions.requiredAccess).toContain("`write_marketplace_fulfillment_orders` access scope.");
  });
});
