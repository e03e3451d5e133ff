import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { resetDatabase, testDb } from "../testing/db";
import { recordFulfillmentOnOrder } from "./record-fulfillment-on-order";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

describe("recordFulfillmentOnOrder", () => {
  it("moves an imported order to Fulfilled with the reason, then Tracking sent, with timeline lines; other orders and tenants stay as they are", async () => {
    const s = await pairedStores(testDb);
    const base = { organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, tiktokStatus: "AWAITING_SHIPMENT" };
    const imported = await testDb.tikTokOrder.create({ data: { ...base, tiktokOrderId: "576001", state: "CREATED", shopifyOrderId: "gid://shopify/Order/1" } });
    const waiting = await testDb.tikTokOrder.create({ data: { ...base, tiktokOrderId: "576002", state: "WAITING" } });
    const other = await pairedStores(testDb);
    const theirs = await testDb.tikTokOrder.create({ data: { organizationId: other.organizationId, tiktokConnectionId: other.tiktokConnectionId, tiktokStatus: "AWAITING_SHIPMENT", tiktokOrderId: "576001", state: "CREATED", shopifyOrderId: "gid://shopify/Order/9" } });
    const ids = { organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId };

    await recordFulfillmentOnOrder({ ...ids, tiktokOrderId: "576001", outcome: "not-sent", message: "Tracking not sent: map the carrier" });
    expect(await testDb.tikTokOrder.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ state: "FULFILLED", lastError: "Tracking not sent: map the carrier" });

    await recordFulfillmentOnOrder({ ...ids, tiktokOrderId: "576001", outcome: "tracking-sent", message: "Tracking 1Z sent to TikTok" });
    expect(await testDb.tikTokOrder.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ state: "TRACKING_SENT", lastError: null });
    // A later failure (a refused correction) keeps "Tracking sent": TikTok has a tracking number.
    await recordFulfillmentOnOrder({ ...ids, tiktokOrderId: "576001", outcome: "not-sent", message: "Tracking not sent: the window passed" });
    expect(await testDb.tikTokOrder.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ state: "TRACKING_SENT", lastError: "Tracking not sent: the window passed" });
    expect((await testDb.orderEvent.findMany({ where: { orderId: imported.id }, orderBy: { at: "asc" } })).map((e) => e.kind)).toEqual(["error", "tracking", "error"]);

    // Not imported by Ferry (no Shopify order): nothing to record on it.
    await recordFulfillmentOnOrder({ ...ids, tiktokOrderId: "576002", outcome: "tracking-sent", message: "x" });
    expect(await testDb.tikTokOrder.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ state: "WAITING" });
    expect(await testDb.tikTokOrder.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ state: "CREATED", lastError: null });
  });
});
