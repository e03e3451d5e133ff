// The Carriers settings and the fulfillment state API, against the sandbox's shipping providers.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { fulfillInShopify, fulfillmentStores, placeOrder } from "./fulfillment-test-kit";
import { getCarrierSettings } from "./get-carrier-settings";
import { listOrderFulfillments, listOrderFulfillmentsSchema } from "./list-order-fulfillments";
import { retryFulfillment } from "./retry-fulfillment";
import { setCarrierMappings, setCarrierMappingsSchema } from "./set-carrier-mappings";
import { syncFulfillment } from "./sync-fulfillment";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const UPS = "7117859084333745966";
const USPS = "7117858858072016686";

describe("carrier settings", () => {
  it("lists TikTok's providers for the shop, and saves a mapping table with a fallback", async () => {
    const kit = await fulfillmentStores();
    const org = kit.org;
    const initial = await getCarrierSettings({ organizationId: org.organizationId, tiktokConnectionId: kit.shop.connectionId });
    expect(initial).toMatchObject({ mappings: [], fallback: null, providersError: null });
    expect(initial.providers.map((p) => p.name)).toEqual(["USPS", "UPS", "FedEx", "DHL eCommerce", "OnTrac"]);

    const saved = await setCarrierMappings({ org, tiktokConnectionId: kit.shop.connectionId, input: setCarrierMappingsSchema.parse({ mappings: [{ company: " My Parcels ", providerId: UPS }], fallbackProviderId: USPS }) });
    expect(saved).toMatchObject({ mappings: [{ company: "My Parcels", providerId: UPS, providerName: "UPS" }], fallback: { providerId: USPS, providerName: "USPS" } });
    expect(await testDb.auditEntry.count({ where: { action: "settings.updated" } })).toBe(1);
    // Saving again replaces the table.
    const cleared = await setCarrierMappings({ org, tiktokConnectionId: kit.shop.connectionId, input: { mappings: [], fallbackProviderId: null } });
    expect(cleared).toMatchObject({ mappings: [], fallback: null });
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const kit = await fulfillmentStores();
    const org = kit.org;
    await setCarrierMappings({ org, tiktokConnectionId: kit.shop.connectionId, input: { mappings: [{ company: "My Parcels", providerId: UPS }], fallbackProviderId: null } });
    const before = await testDb.carrierMapping.findMany({ orderBy: { id: "asc" } });
    const set = (input: unknown) => setCarrierMappings({ org, tiktokConnectionId: kit.shop.connectionId, input: setCarrierMappingsSchema.parse(input) });

    await expect(set({ mappings: [{ company: "UPS", providerId: "7000000000000000000" }], fallbackProviderId: null })).rejects.toThrow(/mappings.0.providerId: 7000000000000000000 is not a shipping provider TikTok offers/);
    await expect(set({ mappings: [], fallbackProviderId: "123" })).rejects.toThrow(/fallbackProviderId: 123 is not a shipping provider/);
    await expect(set({ mappings: [{ company: "UPS", providerId: UPS }, { company: "United Parcel Service", providerId: UPS }], fallbackProviderId: null })).rejects.toThrow(/same carrier as "UPS"/);
    await expect(set({ mappings: [{ company: "---", providerId: UPS }], fallbackProviderId: null })).rejects.toThrow(/no letters or digits/);
    expect(() => setCarrierMappingsSchema.parse({ mappings: [{ company: "", providerId: UPS }], fallbackProviderId: null })).toThrow(/name the Shopify carrier/);
    expect(() => setCarrierMappingsSchema.parse({ mappings: [{ company: "UPS", providerId: "ups" }], fallbackProviderId: null })).toThrow(/TikTok shipping provider id/);
    expect(() => setCarrierMappingsSchema.parse({ mappings: [], fallbackProviderId: null, extra: 1 })).toThrow();
    expect(() => setCarrierMappingsSchema.parse({ mappings: Array.from({ length: 201 }, (_, i) => ({ company: `C${i}`, providerId: UPS })), fallbackProviderId: null })).toThrow();
    expect(await testDb.carrierMapping.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("TikTok refusing to list the providers is a message to act on, and nothing is saved", async () => {
    const kit = await fulfillmentStores();
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${kit.shop.shopId}/deauthorize`, {});
    const error = await setCarrierMappings({ org: kit.org, tiktokConnectionId: kit.shop.connectionId, input: { mappings: [{ company: "My Parcels", providerId: UPS }], fallbackProviderId: null } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("needs to be re-authorized on TikTok: reconnect it under Connections") });
    expect(await testDb.carrierMapping.count()).toBe(0);
    // Now marked for re-authorization: the settings say so instead of listing providers.
    expect(await getCarrierSettings({ organizationId: kit.org.organizationId, tiktokConnectionId: kit.shop.connectionId })).toMatchObject({ providers: [], providersError: expect.stringContaining("is not connected") });
  });

  it("another tenant's shop, or a Shopify store, is not found", async () => {
    const kit = await fulfillmentStores();
    const other = await fulfillmentStores();
    await expect(getCarrierSettings({ organizationId: kit.org.organizationId, tiktokConnectionId: other.shop.connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCarrierSettings({ organizationId: kit.org.organizationId, tiktokConnectionId: kit.shopify.connectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCarrierMappings({ org: kit.org, tiktokConnectionId: other.shop.connectionId, input: { mappings: [], fallbackProviderId: null } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listOrderFulfillments({ organizationId: kit.org.organizationId, tiktokConnectionId: other.shop.connectionId, orderIds: ["1"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("fulfillment state per TikTok order", () => {
  it("lists each order's fulfillments with state, tracking and TikTok status; Retry queues one that needs attention", async () => {
    const kit = await fulfillmentStores();
    const sent = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const failed = await placeOrder(kit, [{ sku: "HAT", quantity: 1 }]);
    const f1 = await fulfillInShopify(kit, sent.shopifyOrderId, { trackingNumber: "1Z999AA10123456710", company: "UPS" });
    const f2 = await fulfillInShopify(kit, failed.shopifyOrderId, { trackingNumber: "CP000000002CA", company: "Canada Post" });
    const base = { organizationId: kit.org.organizationId, shopifyConnectionId: kit.shopify.connectionId };
    await syncFulfillment({ ...base, shopifyOrderId: sent.shopifyOrderId, shopifyFulfillmentId: f1 });
    await syncFulfillment({ ...base, shopifyOrderId: failed.shopifyOrderId, shopifyFulfillmentId: f2 });

    const query = listOrderFulfillmentsSchema.parse({ tiktokConnectionId: kit.shop.connectionId, orderIds: `${sent.tiktokOrderId},${failed.tiktokOrderId},576000000000000404` });
    const { orders } = await listOrderFulfillments({ organizationId: kit.org.organizationId, ...query });
    expect(orders).toEqual([
      { tiktokOrderId: sent.tiktokOrderId, fulfillments: [expect.objectContaining({ state: "TRACKING_SENT", stateLabel: "Tracking sent", trackingNumber: "1Z999AA10123456710", shippingProvider: { id: UPS, name: "UPS" }, tiktokStatus: "AWAITING_COLLECTION", lastError: null })] },
      { tiktokOrderId: failed.tiktokOrderId, fulfillments: [expect.objectContaining({ state: "FAILED", stateLabel: "Needs attention", lastError: expect.stringContaining("Canada Post") })] },
      { tiktokOrderId: "576000000000000404", fulfillments: [] },
    ]);

    const failedRow = orders[1]!.fulfillments[0]!;
    expect(await retryFulfillment({ org: kit.org, fulfillmentId: failedRow.id })).toEqual({ queued: true });
    await expect(retryFulfillment({ org: kit.org, fulfillmentId: orders[0]!.fulfillments[0]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await fulfillmentStores();
    await expect(retryFulfillment({ org: other.org, fulfillmentId: failedRow.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    [{ tiktokConnectionId: "x", orderIds: "1" }, "a TikTok shop connection id"],
    [{ tiktokConnectionId: "c0000000000000000000000000", orderIds: "" }, "at least one"],
    [{ tiktokConnectionId: "c0000000000000000000000000", orderIds: "12,abc" }, "digits"],
    [{ tiktokConnectionId: "c0000000000000000000000000", orderIds: Array.from({ length: 101 }, (_, i) => i + 1).join(",") }, "at most 100"],
  ])("refuses the query %j", (query, message) => {
    expect(() => listOrderFulfillmentsSchema.parse(query)).toThrow(message);
  });
});
