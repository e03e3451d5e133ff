// Fulfillment → TikTok against the platform sandbox over HTTP: the Shopify order carries the convention
// of lib/orders/shopify-order-source.ts, the TikTok order is the sandbox's, and what TikTok holds after
// each step is read back from the sandbox itself.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { processDelivery } from "../webhooks/process-delivery";
import { correctTrackingInShopify, fulfillInShopify, fulfillmentStores, placeOrder, tiktokOrderInSandbox, type FulfillmentKit } from "./fulfillment-test-kit";
import { syncFulfillment } from "./sync-fulfillment";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const UPS = "7117859084333745966";
const USPS = "7117858858072016686";

const sync = (kit: FulfillmentKit, shopifyOrderId: string, shopifyFulfillmentId: string) =>
  syncFulfillment({ organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId, shopifyOrderId, shopifyFulfillmentId });

/** The TikTok state and our rows, to show a refusal changed nothing. */
async function snapshot(tiktokOrderId: string) {
  return { tiktok: await tiktokOrderInSandbox(tiktokOrderId), rows: await testDb.orderFulfillment.findMany({ orderBy: { id: "asc" } }) };
}

describe("fulfillment sync", () => {
  it("ships the TikTok package with the tracking and carrier, once however often the fulfillment is replayed", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 2 }, { sku: "HAT", quantity: 1 }]);
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456784", company: "UPS" });

    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "sent", tiktokOrderId: order.tiktokOrderId });
    const tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(tiktok.status).toBe("AWAITING_COLLECTION");
    expect(tiktok.package_details).toEqual([expect.objectContaining({ tracking_number: "1Z999AA10123456784", shipping_provider_id: UPS, shipping_provider_name: "UPS" })]);
    const row = await testDb.orderFulfillment.findFirstOrThrow();
    expect(row).toMatchObject({
      organizationId: kit.org.organizationId, tiktokConnectionId: kit.shop.connectionId, tiktokOrderId: order.tiktokOrderId, status: "TRACKING_SENT",
      trackingNumber: "1Z999AA10123456784", shippingProviderId: UPS, shippingProviderName: "UPS", providerSource: "NAME",
      tiktokPackageId: tiktok.package_details[0]!.package_id, tiktokStatus: "AWAITING_COLLECTION", lastError: null,
    });
    expect(await testDb.activityEntry.count({ where: { type: "fulfillment.tracking_sent" } })).toBe(1);

    // Replayed (a duplicated webhook, a retried step): nothing more reaches TikTok.
    const { counts: before } = await sandboxControl<{ counts: { byRoute: Record<string, number> } }>("GET", "/__sandbox/requests?limit=1");
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "unchanged" });
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "unchanged" });
    const { counts: after } = await sandboxControl<{ counts: { byRoute: Record<string, number> } }>("GET", "/__sandbox/requests?limit=1");
    const shipCalls = (c: Record<string, number>) => Object.entries(c).filter(([route]) => route.startsWith("tiktok POST /fulfillment")).reduce((n, [, v]) => n + v, 0);
    expect(shipCalls(after.byRoute)).toBe(shipCalls(before.byRoute));
    expect(await tiktokOrderInSandbox(order.tiktokOrderId)).toEqual(tiktok);
    expect(await testDb.orderFulfillment.count()).toBe(1);
  });

  it("a run that shipped but stopped before recording it is recorded by the next, not shipped again", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456706", company: "UPS" });
    await sync(kit, order.shopifyOrderId, fulfillmentId);
    // As if the step died after TikTok's answer: the row is still only claimed.
    await testDb.orderFulfillment.updateMany({ data: { status: "SENDING", tiktokPackageId: null, trackingNumber: null, shippingProviderId: null } });
    const shipped = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "sent" });
    expect(await tiktokOrderInSandbox(order.tiktokOrderId)).toEqual(shipped);
    expect(await testDb.orderFulfillment.findFirstOrThrow()).toMatchObject({ status: "TRACKING_SENT", tiktokPackageId: shipped.package_details[0]!.package_id });
  });

  it("splits a partial fulfillment by line items, then ships the rest with the second", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 2 }, { sku: "HAT", quantity: 1 }]);
    const first = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "9400100000000000000011", company: "USPS" }, [{ sku: "SCARF", quantity: 2 }]);
    expect(await sync(kit, order.shopifyOrderId, first)).toMatchObject({ result: "sent" });
    let tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(tiktok.status).toBe("PARTIALLY_SHIPPING");
    const scarves = tiktok.line_items.filter((li) => li.seller_sku === "SCARF").map((li) => li.id).sort();
    const shipped = tiktok.package_details.find((p) => p.tracking_number === "9400100000000000000011")!;
    expect([...shipped.order_line_item_ids].sort()).toEqual(scarves);
    expect(await testDb.orderFulfillment.findFirstOrThrow()).toMatchObject({ tiktokLineItemIds: expect.arrayContaining(scarves), tiktokStatus: "PARTIALLY_SHIPPING" });

    const second = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "9400100000000000000012", company: "United States Postal Service" });
    expect(await sync(kit, order.shopifyOrderId, second)).toMatchObject({ result: "sent" });
    tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(tiktok.status).toBe("AWAITING_COLLECTION");
    expect(tiktok.package_details.map((p) => [p.tracking_number, p.shipping_provider_id]).sort()).toEqual([["9400100000000000000011", USPS], ["9400100000000000000012", USPS]]);
  });

  it("ships the whole package in a market without split shipments, and records the later fulfillment as nothing to send", async () => {
    const kit = await fulfillmentStores({ regions: ["MY"] });
    const order = await placeOrder(kit, [{ sku: "SCARF", quantity: 1 }, { sku: "HAT", quantity: 1 }]);
    const first = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "MY0000000001", company: "TT Virtual express" }, [{ sku: "SCARF", quantity: 1 }]);
    expect(await sync(kit, order.shopifyOrderId, first)).toMatchObject({ result: "sent" });
    const tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(tiktok.status).toBe("AWAITING_COLLECTION");
    expect(tiktok.package_details).toHaveLength(1);
    const second = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "MY0000000002", company: "TT Virtual express" });
    expect(await sync(kit, order.shopifyOrderId, second)).toMatchObject({ result: "skipped" });
    expect(await tiktokOrderInSandbox(order.tiktokOrderId)).toEqual(tiktok);
  });

  it("corrects the tracking within TikTok's window, and says why not once the window has passed", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "9400100000000000000021", company: "USPS" });
    await sync(kit, order.shopifyOrderId, fulfillmentId);

    await correctTrackingInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456799", company: "UPS" });
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "updated" });
    const tiktok = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(tiktok.package_details[0]).toMatchObject({ tracking_number: "1Z999AA10123456799", shipping_provider_id: UPS, tracking_updates: 1 });
    expect(await testDb.orderFulfillment.findFirstOrThrow()).toMatchObject({ status: "TRACKING_SENT", trackingNumber: "1Z999AA10123456799", trackingUpdatedAt: expect.any(Date) });

    // The same correction replayed: no second edit (TikTok allows one).
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "unchanged" });
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).package_details[0]!.tracking_updates).toBe(1);
  });

  it("refuses a correction outside the 72-hour window with a reason a person can act on", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "9400100000000000000031", company: "USPS" });
    await sync(kit, order.shopifyOrderId, fulfillmentId);
    // 73 hours after shipping, for this package alone (the sandbox clock is shared by every test file).
    const shippedPackage = (await tiktokOrderInSandbox(order.tiktokOrderId)).package_details[0]!.package_id;
    await sandboxControl("POST", `/__sandbox/tiktok/packages/${shippedPackage}/age`, { hours: 73 });

    await correctTrackingInShopify(kit, order.shopifyOrderId, { trackingNumber: "9400100000000000000032", company: "USPS" });
    const outcome = await sync(kit, order.shopifyOrderId, fulfillmentId);
    expect(outcome).toMatchObject({ result: "failed", reason: expect.stringContaining("within 72 hours") });
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).package_details[0]).toMatchObject({ tracking_number: "9400100000000000000031", tracking_updates: 0 });
    // TikTok still has the first number, and the row says so beside the reason.
    expect(await testDb.orderFulfillment.findFirstOrThrow()).toMatchObject({ status: "FAILED", trackingNumber: "9400100000000000000031", lastError: expect.stringContaining("TikTok Seller Center") });
    expect(await testDb.notification.findMany({ where: { kind: "fulfillment.failed" } })).toEqual([
      expect.objectContaining({ organizationId: kit.org.organizationId, href: `/${kit.org.organizationSlug}/orders?q=${order.tiktokOrderId}`, body: expect.stringContaining("within 72 hours") }),
    ]);
    // Seen again, the same refusal notifies once.
    await sync(kit, order.shopifyOrderId, fulfillmentId);
    expect(await testDb.notification.count({ where: { kind: "fulfillment.failed" } })).toBe(1);
  });

  it("uses the pairing's carrier mapping, then the fallback, and needs a person when neither applies", async () => {
    const kit = await fulfillmentStores();
    const mapped = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const fallback = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const unknown = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const { organizationId } = kit.org;

    const f3 = await fulfillInShopify(kit, unknown.shopifyOrderId, { trackingNumber: "CP000000001CA", company: "Canada Post" });
    expect(await sync(kit, unknown.shopifyOrderId, f3)).toMatchObject({ result: "failed", reason: expect.stringContaining("Settings → Carriers") });
    expect((await tiktokOrderInSandbox(unknown.tiktokOrderId)).status).toBe("AWAITING_SHIPMENT");

    await testDb.carrierMapping.createMany({
      data: [
        { organizationId, tiktokConnectionId: kit.shop.connectionId, companyKey: "myparcels", companyName: "MyParcels", providerId: UPS, providerName: "UPS" },
        { organizationId, tiktokConnectionId: kit.shop.connectionId, companyKey: "", companyName: "", providerId: USPS, providerName: "USPS" },
      ],
    });
    const f1 = await fulfillInShopify(kit, mapped.shopifyOrderId, { trackingNumber: "MP0000000001", company: "My Parcels" });
    expect(await sync(kit, mapped.shopifyOrderId, f1)).toMatchObject({ result: "sent" });
    expect(await testDb.orderFulfillment.findFirstOrThrow({ where: { tiktokOrderId: mapped.tiktokOrderId } })).toMatchObject({ shippingProviderId: UPS, providerSource: "MAPPING" });
    const f2 = await fulfillInShopify(kit, fallback.shopifyOrderId, { trackingNumber: "LC0000000001", company: "Local Courier" });
    expect(await sync(kit, fallback.shopifyOrderId, f2)).toMatchObject({ result: "sent" });
    expect(await testDb.orderFulfillment.findFirstOrThrow({ where: { tiktokOrderId: fallback.tiktokOrderId } })).toMatchObject({ shippingProviderId: USPS, providerSource: "FALLBACK" });
    // "Retry" of the first: the fallback now applies.
    expect(await sync(kit, unknown.shopifyOrderId, f3)).toMatchObject({ result: "sent" });
    expect(await testDb.orderFulfillment.findFirstOrThrow({ where: { tiktokOrderId: unknown.tiktokOrderId } })).toMatchObject({ status: "TRACKING_SENT", lastError: null });
  });

  it("ignores a fulfillment of an order Ferry did not create, and one whose TikTok order does not exist is a failure with the reason", async () => {
    const kit = await fulfillmentStores();
    const notOurs = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }], { source: "other" });
    const f1 = await fulfillInShopify(kit, notOurs.shopifyOrderId, { trackingNumber: "1Z999AA10123456700", company: "UPS" });
    const before = await snapshot(notOurs.tiktokOrderId);
    expect(await sync(kit, notOurs.shopifyOrderId, f1)).toEqual({ result: "ignored", reason: expect.stringContaining("was not created by Ferry") });
    expect(await snapshot(notOurs.tiktokOrderId)).toEqual(before);

    const missing = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }], { tiktokOrderId: "576000000000000999" });
    const f2 = await fulfillInShopify(kit, missing.shopifyOrderId, { trackingNumber: "1Z999AA10123456701", company: "UPS" });
    expect(await sync(kit, missing.shopifyOrderId, f2)).toMatchObject({ result: "failed", reason: expect.stringContaining("has no TikTok order 576000000000000999") });
    expect((await tiktokOrderInSandbox(missing.tiktokOrderId)).status).toBe("AWAITING_SHIPMENT");
  });

  it("a TikTok order cancelled before the fulfillment: nothing is shipped, and the reason says why", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    await sandboxControl("POST", `/__sandbox/tiktok/orders/${order.tiktokOrderId}/status`, { status: "CANCELLED", reason: "Buyer changed their mind" });
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456707", company: "UPS" });
    const before = await tiktokOrderInSandbox(order.tiktokOrderId);
    expect(await sync(kit, order.shopifyOrderId, fulfillmentId)).toMatchObject({ result: "failed", reason: expect.stringContaining("was cancelled on TikTok") });
    expect(await tiktokOrderInSandbox(order.tiktokOrderId)).toEqual(before);
  });

  it("refuses a fulfillment naming another organization's TikTok shop, and another tenant's ids do nothing", async () => {
    const kit = await fulfillmentStores();
    const other = await fulfillmentStores();
    const theirs = await placeOrder(other, [{ sku: "HAT", quantity: 1 }]);
    // Our Shopify order claims their shop and their order.
    const forged = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }], { tiktokShopId: other.shop.shopId, tiktokOrderId: theirs.tiktokOrderId });
    const f1 = await fulfillInShopify(kit, forged.shopifyOrderId, { trackingNumber: "1Z999AA10123456702", company: "UPS" });
    const before = await snapshot(theirs.tiktokOrderId);
    expect(await sync(kit, forged.shopifyOrderId, f1)).toEqual({ result: "refused", reason: "the TikTok shop belongs to another organization" });
    expect(await snapshot(theirs.tiktokOrderId)).toEqual(before);

    // Their own fulfillment, run with our organization's id: not our store.
    const f2 = await fulfillInShopify(other, theirs.shopifyOrderId, { trackingNumber: "1Z999AA10123456703", company: "UPS" });
    expect(await syncFulfillment({ organizationId: kit.org.organizationId, shopifyConnectionId: other.shopify.connectionId, shopifyOrderId: theirs.shopifyOrderId, shopifyFulfillmentId: f2 })).toMatchObject({ result: "ignored" });
    expect(await snapshot(theirs.tiktokOrderId)).toEqual(before);
  });

  it("turns TikTok's refusal of a bad tracking number into a reason, and a fulfillment without tracking waits for one", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const bad = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z 999/AA", company: "UPS" });
    expect(await sync(kit, order.shopifyOrderId, bad)).toMatchObject({ result: "failed", reason: expect.stringContaining("TikTok refused tracking 1Z 999/AA (UPS)") });
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).status).toBe("AWAITING_SHIPMENT");
    // Corrected in Shopify: the update ships it.
    await correctTrackingInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456704", company: "UPS" });
    expect(await sync(kit, order.shopifyOrderId, bad)).toMatchObject({ result: "sent" });
    expect((await tiktokOrderInSandbox(order.tiktokOrderId)).package_details[0]!.tracking_number).toBe("1Z999AA10123456704");
  });

  it("webhooks: fulfillments/create names the fulfillment for the job; ORDER_STATUS_CHANGE moves the status shown; bad payloads change nothing", async () => {
    const kit = await fulfillmentStores();
    const order = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const fulfillmentId = await fulfillInShopify(kit, order.shopifyOrderId, { trackingNumber: "1Z999AA10123456705", company: "UPS" });
    const numeric = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
    const deliver = (platform: "SHOPIFY" | "TIKTOK", topic: string, payload: object, connectionId: string, id = `${topic}-${Math.random()}`) =>
      testDb.webhookDelivery
        .create({ data: { platform, deliveryId: id, topic, shop: "x", organizationId: kit.org.organizationId, connectionId, payload } })
        .then((d) => processDelivery({ organizationId: kit.org.organizationId, deliveryId: d.id }));

    expect(await deliver("SHOPIFY", "fulfillments/create", { body: { id: Number(numeric(fulfillmentId)), order_id: Number(numeric(order.shopifyOrderId)), tracking_number: "1Z999AA10123456705" } }, kit.shopify.connectionId)).toEqual({
      handled: true,
      action: "fulfillment changed",
      shopifyFulfillmentChanged: { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId, shopifyOrderId: numeric(order.shopifyOrderId), shopifyFulfillmentId: numeric(fulfillmentId) },
    });
    expect(await deliver("SHOPIFY", "fulfillments/update", { body: { tracking_number: "x" } }, kit.shopify.connectionId)).toEqual({ handled: false, reason: "the delivery has no fulfillment or order id" });

    await sync(kit, order.shopifyOrderId, fulfillmentId);
    const statusChange = (status: string, time: number) => ({ data: { order_id: order.tiktokOrderId, order_status: status, update_time: time } });
    const now = Math.floor(Date.now() / 1000) + 86400 * 10;
    // The same notification also queues the order import (lib/orders), which follows the order itself.
    expect(await deliver("TIKTOK", "ORDER_STATUS_CHANGE", statusChange("IN_TRANSIT", now), kit.shop.connectionId)).toMatchObject({ handled: true, action: "fulfillment status IN_TRANSIT; order change queued" });
    // An older event does not overwrite the newer status.
    expect(await deliver("TIKTOK", "ORDER_STATUS_CHANGE", statusChange("AWAITING_COLLECTION", now - 60), kit.shop.connectionId)).toMatchObject({ handled: true, action: "order change queued" });
    expect(await deliver("TIKTOK", "ORDER_STATUS_CHANGE", { data: { order_status: "IN_TRANSIT" } }, kit.shop.connectionId)).toMatchObject({ handled: false });
    expect(await testDb.orderFulfillment.findFirstOrThrow()).toMatchObject({ tiktokStatus: "IN_TRANSIT" });
  });
});
