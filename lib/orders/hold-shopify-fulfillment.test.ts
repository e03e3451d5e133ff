// Held imports against the sandbox over real HTTP: the Shopify order is held while TikTok's hold lasts.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withShopifyClient } from "../connections/shopify-session";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { orderCreate } from "../platforms/shopify/operations/order-import";
import { followTikTokHoldInShopify, TIKTOK_HOLD_HANDLE, TIKTOK_HOLD_NOTES } from "./hold-shopify-fulfillment";
import { importTikTokOrder } from "./import-tiktok-order";
import { fulfillInShopify, orderStores, placeTikTokOrder, setTikTokOrderStatus, shopifyOrdersFor } from "./order-test-kit";
import { ordersToRetry } from "./poll-shop-orders";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

type Stores = Awaited<ReturnType<typeof orderStores>>;
const run = (s: Stores, tiktokOrderId: string, owner = "run-1") => importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId, owner });

async function heldImport() {
  const s = await orderStores();
  await testDb.shopSettings.create({ data: { organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, settings: { orders: { importOnHold: true } } } });
  const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }], status: "ON_HOLD" });
  return { s, id };
}

async function storeOf(s: Stores) {
  const connection = await testDb.connection.findUniqueOrThrow({ where: { id: s.shopify.connectionId }, select: { credentialId: true, externalId: true } });
  return { credentialId: connection.credentialId, shop: connection.externalId };
}

const events = async (orderId: string) => (await testDb.orderEvent.findMany({ where: { orderId }, orderBy: { at: "asc" } })).map((e) => ({ kind: e.kind, message: e.message }));

describe("a held import is held in Shopify", () => {
  it("created during TikTok's hold: every fulfillment order is ON_HOLD with Ferry's hold, fulfilling is refused, the end of TikTok's hold releases it", async () => {
    const { s, id } = await heldImport();
    expect(await run(s, id)).toMatchObject({ action: "created (held)" });
    const [order] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(order!.fulfillmentOrders).toEqual([{
      id: expect.any(String), status: "ON_HOLD",
      holds: [{ id: expect.any(String), handle: TIKTOK_HOLD_HANDLE, reason: "OTHER", reasonNotes: TIKTOK_HOLD_NOTES, heldBy: "ferry-test-shopify" }],
    }]);
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    expect(row).toMatchObject({ state: "HELD", lastError: null });
    expect((await events(row.id)).map((e) => e.kind)).toEqual(["seen", "held", "held", "reference"]);

    // The merchant tries to ship it in Shopify: refused while held.
    await expect(fulfillInShopify(s.shopify.domain, order!.id)).rejects.toThrow(/409.*unfulfillable status= on_hold/);

    // A replay while TikTok still holds it reads the order and holds nothing twice.
    expect(await run(s, id, "run-2")).toMatchObject({ action: "imported already (TikTok: ON_HOLD)" });
    expect((await shopifyOrdersFor(s.shopify.domain, id))[0]!.fulfillmentOrders[0]!.holds).toHaveLength(1);

    await setTikTokOrderStatus(id, "AWAITING_SHIPMENT");
    await run(s, id, "run-3");
    const [released] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(released!.fulfillmentOrders).toEqual([{ id: order!.fulfillmentOrders[0]!.id, status: "OPEN", holds: [] }]);
    expect(await testDb.tikTokOrder.findFirstOrThrow()).toMatchObject({ state: "CREATED", stateReason: null });
    expect((await events(row.id)).slice(-3).map((e) => e.kind)).toEqual(["status", "released", "released"]);
    // Released once: a replay of the same change does nothing more.
    await run(s, id, "run-4");
    expect((await events(row.id)).filter((e) => e.kind === "released")).toHaveLength(2);
    await fulfillInShopify(s.shopify.domain, order!.id);
  });

  it("retries don't double-hold or double-release, and another hold is left alone", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    const store = await storeOf(s);
    await followTikTokHoldInShopify({ row, store, direction: "hold" });
    await Promise.all([followTikTokHoldInShopify({ row, store, direction: "hold" }), followTikTokHoldInShopify({ row, store, direction: "hold" })]);
    const [order] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(order!.fulfillmentOrders[0]!.holds).toHaveLength(1);

    // Another hold on the same fulfillment order (a fraud check under another handle) outlives TikTok's.
    await withShopifyClient(store, (client) => client.holdFulfillmentOrder({ fulfillmentOrderId: order!.fulfillmentOrders[0]!.id, reason: "HIGH_RISK_OF_FRAUD", reasonNotes: "checking", handle: "fraud-check" }));
    await Promise.all([followTikTokHoldInShopify({ row, store, direction: "release" }), followTikTokHoldInShopify({ row, store, direction: "release" })]);
    await followTikTokHoldInShopify({ row, store, direction: "release" });
    const [after] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(after!.fulfillmentOrders[0]).toMatchObject({ status: "ON_HOLD", holds: [{ handle: "fraud-check", reason: "HIGH_RISK_OF_FRAUD" }] });
    expect((await events(row.id)).filter((e) => e.kind === "error")).toEqual([]);
  });

  it("an import whose hold did not happen (the job failed after orderCreate): its retry holds the order", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    const store = await storeOf(s);
    const [order] = await shopifyOrdersFor(s.shopify.domain, id);
    const fo = order!.fulfillmentOrders[0]!;
    // What a failed hold leaves: the order in Shopify and HELD here, but not held in Shopify.
    await withShopifyClient(store, (client) => client.releaseFulfillmentHolds({ fulfillmentOrderId: fo.id, holdIds: fo.holds.map((h) => h.id) }));
    expect((await shopifyOrdersFor(s.shopify.domain, id))[0]!.fulfillmentOrders[0]!.status).toBe("OPEN");
    await run(s, id, "run-1");
    expect((await shopifyOrdersFor(s.shopify.domain, id))[0]!.fulfillmentOrders[0]).toMatchObject({ status: "ON_HOLD", holds: [{ handle: TIKTOK_HOLD_HANDLE }] });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
  });

  it("a Shopify order that does not exist: the reason is on the order, the error is thrown for a retry, and nothing changes", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    const before = await shopifyOrdersFor(s.shopify.domain);
    const ghost = { ...row, shopifyOrderId: "gid://shopify/Order/999999999", shopifyOrderName: "#9999" };
    await expect(followTikTokHoldInShopify({ row: ghost, store: await storeOf(s), direction: "release" })).rejects.toThrow(/Shopify has no order 999999999/);
    const failed = await testDb.tikTokOrder.findFirstOrThrow();
    expect(failed.state).toBe("HELD");
    expect(failed.lastError).toMatch(/^Could not release the fulfillment hold on Shopify order #9999: Shopify has no order 999999999/);
    expect((await events(row.id)).filter((e) => e.kind === "error")).toHaveLength(1);
    // The same failure again is not a second timeline line.
    await expect(followTikTokHoldInShopify({ row: ghost, store: await storeOf(s), direction: "release" })).rejects.toThrow();
    expect((await events(row.id)).filter((e) => e.kind === "error")).toHaveLength(1);
    expect(await shopifyOrdersFor(s.shopify.domain)).toEqual(before);
    // The polling backstop queues it again; the next good run clears the error.
    await testDb.tikTokOrder.updateMany({ data: { updatedAt: new Date(Date.now() - 600_000) } });
    expect(await ordersToRetry({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId })).toEqual([id]);
    await run(s, id, "run-2");
    expect((await testDb.tikTokOrder.findFirstOrThrow()).lastError).toBeNull();
  });

  it("an order whose fulfillment orders Shopify has not made yet is not taken as held: the hold is tried again", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    const store = await storeOf(s);
    // A custom line that needs no shipping: Shopify makes no fulfillment order for it.
    const bare = await withShopifyClient(store, (client) => client.run(orderCreate, {
      order: { currency: "USD", lineItems: [{ title: "Gift note", quantity: 1, requiresShipping: false, priceSet: { shopMoney: { amount: "1.00", currencyCode: "USD" } } }] },
    }));
    const ghost = { ...row, shopifyOrderId: bare.orderCreate.order!.id, shopifyOrderName: bare.orderCreate.order!.name };
    await expect(followTikTokHoldInShopify({ row: ghost, store, direction: "hold" })).rejects.toThrow(/not made the order's fulfillment orders yet/);
    expect((await testDb.tikTokOrder.findFirstOrThrow()).lastError).toMatch(/^Could not put Shopify order #\d+ on hold during TikTok's hold/);
  });

  it("a failed release keeps the order HELD until it succeeds", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    await setTikTokOrderStatus(id, "AWAITING_SHIPMENT");
    // The row points at an order Shopify does not have: the release fails.
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    await testDb.tikTokOrder.update({ where: { id: row.id }, data: { shopifyOrderId: "gid://shopify/Order/1" } });
    await expect(run(s, id, "run-2")).rejects.toThrow(/Shopify has no order 1/);
    expect(await testDb.tikTokOrder.findFirstOrThrow()).toMatchObject({ state: "HELD", lastError: expect.stringContaining("Could not release") });
    await testDb.tikTokOrder.update({ where: { id: row.id }, data: { shopifyOrderId: row.shopifyOrderId } });
    await run(s, id, "run-3");
    expect(await testDb.tikTokOrder.findFirstOrThrow()).toMatchObject({ state: "CREATED", lastError: null });
    expect((await shopifyOrdersFor(s.shopify.domain, id))[0]!.fulfillmentOrders[0]!.status).toBe("OPEN");
  });

  it("cancelled by the buyer during the hold: the held Shopify order is cancelled with reason CUSTOMER and TikTok's reason in the note", async () => {
    const { s, id } = await heldImport();
    await run(s, id);
    await setTikTokOrderStatus(id, "CANCELLED", "Changed my mind", "BUYER");
    expect(await run(s, id)).toMatchObject({ action: "cancelled in Shopify" });
    const [order] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(order).toMatchObject({ cancelReason: "CUSTOMER", fulfillmentOrders: [{ status: "CLOSED", holds: [] }] });
    expect(order!.cancelledAt).not.toBeNull();
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    expect(row.state).toBe("CANCELLED");
    expect(row.stateReason).toBe(`Cancelled on TikTok by the buyer (Changed my mind): Shopify order ${order!.name} was cancelled (reason customer) and its items restocked.`);
  });

  it("cancelled by the seller or by TikTok: Shopify's reason follows who and why", async () => {
    const s = await orderStores();
    const cases = [["SELLER", "Out of stock", "INVENTORY"], ["SELLER", "Pricing error", "STAFF"], ["SYSTEM", "Package delivery failed", "OTHER"]] as const;
    for (const [initiator, reason, expected] of cases) {
      const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
      await run(s, id);
      await setTikTokOrderStatus(id, "CANCELLED", reason, initiator);
      await run(s, id);
      expect((await shopifyOrdersFor(s.shopify.domain, id))[0]!.cancelReason, `${initiator} ${reason}`).toBe(expected);
    }
  });
});
