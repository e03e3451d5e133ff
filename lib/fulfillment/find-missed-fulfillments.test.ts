// The backstop for dropped fulfillment webhooks, against the sandbox's Shopify orders.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { findMissedFulfillments, RECONCILE_LOOKBACK_MS, storesWithFulfillmentSync } from "./find-missed-fulfillments";
import { correctTrackingInShopify, fulfillInShopify, fulfillmentStores, placeOrder } from "./fulfillment-test-kit";
import { refreshTikTokStatuses, STATUS_REFRESH_AFTER_MS } from "./refresh-tiktok-statuses";
import { syncFulfillment } from "./sync-fulfillment";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const numeric = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

describe("findMissedFulfillments", () => {
  it("finds the fulfillments whose current tracking Ferry has not recorded, and only those", async () => {
    const kit = await fulfillmentStores();
    const base = { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId };
    const sent = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const dropped = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const corrected = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const failed = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]); // not fulfilled yet

    const f1 = await fulfillInShopify(kit, sent.shopifyOrderId, { trackingNumber: "1Z999AA10123456740", company: "UPS" });
    await syncFulfillment({ ...base, shopifyOrderId: sent.shopifyOrderId, shopifyFulfillmentId: f1 });
    const f2 = await fulfillInShopify(kit, dropped.shopifyOrderId, { trackingNumber: "1Z999AA10123456741", company: "UPS" });
    const f3 = await fulfillInShopify(kit, corrected.shopifyOrderId, { trackingNumber: "1Z999AA10123456742", company: "UPS" });
    await syncFulfillment({ ...base, shopifyOrderId: corrected.shopifyOrderId, shopifyFulfillmentId: f3 });
    await correctTrackingInShopify(kit, corrected.shopifyOrderId, { trackingNumber: "1Z999AA10123456743", company: "UPS" });
    const f4 = await fulfillInShopify(kit, failed.shopifyOrderId, { trackingNumber: "CP000000003CA", company: "Canada Post" });
    expect(await syncFulfillment({ ...base, shopifyOrderId: failed.shopifyOrderId, shopifyFulfillmentId: f4 })).toMatchObject({ result: "failed" });

    const missed = await findMissedFulfillments(base);
    expect(missed.sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber))).toEqual([
      { shopifyOrderId: numeric(dropped.shopifyOrderId), shopifyFulfillmentId: numeric(f2), trackingNumber: "1Z999AA10123456741" },
      { shopifyOrderId: numeric(corrected.shopifyOrderId), shopifyFulfillmentId: numeric(f3), trackingNumber: "1Z999AA10123456743" },
    ]);
    // Orders last updated before the lookback are not looked at (the sandbox's clock stamps Shopify's updated_at).
    const { nowMs } = await sandboxControl<{ nowMs: number }>("GET", "/__sandbox/clock");
    expect(await findMissedFulfillments({ ...base, now: new Date(nowMs + RECONCILE_LOOKBACK_MS + 3600_000) })).toEqual([]);
    // Sent, they are no longer missed.
    for (const m of missed) await syncFulfillment({ ...base, ...m });
    expect(await findMissedFulfillments(base)).toEqual([]);
  });

  it("looks only at the organization's own active, paired stores", async () => {
    const kit = await fulfillmentStores();
    const other = await fulfillmentStores();
    const order = await placeOrder(other, [{ sku: "HAT", quantity: 1 }]);
    await fulfillInShopify(other, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456744", company: "UPS" });
    expect(await findMissedFulfillments({ organizationId: kit.org.organizationId, shopifyConnectionId: other.shopify.connectionId })).toEqual([]);
    expect(await findMissedFulfillments({ organizationId: other.org.organizationId, shopifyConnectionId: other.shopify.connectionId })).toHaveLength(1);
    expect((await storesWithFulfillmentSync()).map((s) => s.shopifyConnectionId).sort()).toEqual([kit.shopify.connectionId, other.shopify.connectionId].sort());
    await testDb.connection.update({ where: { id: other.shop.connectionId }, data: { status: "DISCONNECTED" } });
    expect((await storesWithFulfillmentSync()).map((s) => s.shopifyConnectionId)).toEqual([kit.shopify.connectionId]);
  });

  it("reads again the TikTok status of shipped orders whose status change never arrived", async () => {
    const kit = await fulfillmentStores();
    const base = { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId };
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const f = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456745", company: "UPS" });
    await syncFulfillment({ ...base, shopifyOrderId: order.shopifyOrderId, shopifyFulfillmentId: f });
    // The carrier picked it up; the ORDER_STATUS_CHANGE webhook is lost.
    await sandboxControl("POST", `/__sandbox/tiktok/orders/${order.tiktokOrderId}/status`, { status: "IN_TRANSIT" });
    const shop = { organizationId: kit.org.organizationId, tiktokConnectionId: kit.shop.connectionId };
    expect(await refreshTikTokStatuses(shop)).toBe(0); // updated just now: not stale yet
    const later = new Date(Date.now() + STATUS_REFRESH_AFTER_MS + 60_000);
    const other = await fulfillmentStores();
    expect(await refreshTikTokStatuses({ organizationId: other.org.organizationId, tiktokConnectionId: kit.shop.connectionId, now: later })).toBe(0);
    expect((await testDb.orderFulfillment.findFirstOrThrow({ where: { organizationId: kit.org.organizationId } })).tiktokStatus).toBe("AWAITING_COLLECTION");
    expect(await refreshTikTokStatuses({ ...shop, now: later })).toBe(1);
    expect((await testDb.orderFulfillment.findFirstOrThrow({ where: { organizationId: kit.org.organizationId } })).tiktokStatus).toBe("IN_TRANSIT");
  });
});
