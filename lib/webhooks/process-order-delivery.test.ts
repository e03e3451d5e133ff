import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { importTikTokOrder } from "../orders/import-tiktok-order";
import { orderStores, placeTikTokOrder, shopifyOrdersFor } from "../orders/order-test-kit";
import { resetDatabase, testDb } from "../testing/db";
import { processDelivery } from "./process-delivery";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function delivery(s: { organizationId: string; shop: { connectionId: string; shopId: string } }, data: Record<string, unknown>, n = 1) {
  return testDb.webhookDelivery.create({
    data: { platform: "TIKTOK", deliveryId: `n-${n}-${Math.random()}`, topic: "ORDER_STATUS_CHANGE", shop: s.shop.shopId, organizationId: s.organizationId, connectionId: s.shop.connectionId, payload: { timestamp: 1, data } as object },
  });
}

describe("ORDER_STATUS_CHANGE deliveries", () => {
  it("queue the order's import with the change's update time; duplicate deliveries make one Shopify order", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    const outcomes = [];
    for (const n of [1, 2, 3]) {
      const d = await delivery(s, { order_id: id, order_status: "AWAITING_SHIPMENT", update_time: 1_790_000_000 }, n);
      outcomes.push(await processDelivery({ organizationId: s.organizationId, deliveryId: d.id }));
    }
    for (const o of outcomes) expect(o).toMatchObject({ handled: true, tiktokOrderChanged: { organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId: id, updateTime: 1_790_000_000 } });
    // Even if the event API kept all three (it keeps one: same id), the import creates once.
    for (const [i] of outcomes.entries()) await importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId: id, owner: `run-${i}` });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
  });

  it("a malformed notification changes nothing; a webhook for an unknown order stores no order", async () => {
    const s = await orderStores();
    const bad = await delivery(s, { status: "AWAITING_SHIPMENT" });
    expect(await processDelivery({ organizationId: s.organizationId, deliveryId: bad.id })).toEqual({ handled: false, reason: "the delivery has no order id" });
    const unknown = await delivery(s, { order_id: "576000000000000001", update_time: 5 }, 9);
    const outcome = await processDelivery({ organizationId: s.organizationId, deliveryId: unknown.id });
    expect(outcome.handled).toBe(true);
    const result = await importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId: "576000000000000001", owner: "r" });
    expect(result).toMatchObject({ handled: false });
    expect(await testDb.tikTokOrder.count()).toBe(0);
  });

  it("a delivery stored for another organization is not processed under this one", async () => {
    const s = await orderStores();
    const other = await orderStores();
    const d = await delivery(other, { order_id: "1", update_time: 5 });
    expect(await processDelivery({ organizationId: s.organizationId, deliveryId: d.id })).toMatchObject({ handled: false });
  });
});
