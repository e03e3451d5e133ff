// The sync-fulfillment job as the app runs it (the SDK served, driven by the local runner), against the
// test database and the platform sandbox: a run ships the package; a run that keeps failing ends with the
// fulfillment under Needs attention.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { fulfillInShopify, fulfillmentStores, placeOrder, tiktokOrderInSandbox } from "@/lib/fulfillment/fulfillment-test-kit";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { runFunctionOnce } from "@/lib/testing/run-function";
import { syncFulfillmentFn } from "./sync-fulfillment";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

describe("sync-fulfillment job", () => {
  it("sends the fulfillment's tracking to TikTok", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 1 }]);
    const shopifyFulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456720", company: "UPS" });
    const data = { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId, shopifyOrderId: order.shopifyOrderId, shopifyFulfillmentId };
    const run = await runFunctionOnce({ fn: syncFulfillmentFn, data });
    expect(run.status).toBe("Completed");
    expect(run.output).toMatchObject({ result: "sent", tiktokOrderId: order.tiktokOrderId });
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).package_details[0]).toMatchObject({ tracking_number: "1Z999AA10123456720" });
  });

  it("a shop whose TikTok authorization was revoked: the fulfillment waits under Needs attention with the reason, not raw error text", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 1 }]);
    const shopifyFulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456721", company: "UPS" });
    // The seller revoked the authorization on TikTok: the first call marks the shop for re-authorization.
    await fetch(`${process.env.FERRY_TEST_SANDBOX_URL}/__sandbox/tiktok/shops/${kit.shop.shopId}/deauthorize`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const run = await runFunctionOnce({ fn: syncFulfillmentFn, data: { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId, shopifyOrderId: order.shopifyOrderId, shopifyFulfillmentId } });
    expect(run.status).toBe("Completed");
    expect(run.output).toMatchObject({ result: "failed" });
    const row = await testDb.orderFulfillment.findFirstOrThrow();
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/needs to be re-authorized on TikTok\. Reconnect it under Connections, then Retry\./);
    expect(row.lastError).not.toMatch(/TikTok Shop GET|36009004|Bearer/);
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).status).toBe("AWAITING_SHIPMENT");
  });
});
