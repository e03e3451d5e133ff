// Both halves together: an order the importer (lib/orders) created in Shopify, fulfilled there in two
// parts, reaches TikTok as a split shipment through the mapping the import used.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { importTikTokOrder } from "../orders/import-tiktok-order";
import { orderStores, placeTikTokOrder, shopifyOrdersFor } from "../orders/order-test-kit";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { tiktokOrderInSandbox } from "./fulfillment-test-kit";
import { syncFulfillment } from "./sync-fulfillment";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

interface ShopifyOrder {
  id: string;
  lineItems: { id: string; sku: string; quantity: number }[];
  fulfillments: { id: string }[];
}

describe("fulfillment of an imported order", () => {
  it("ships each Shopify fulfillment as its own TikTok package, split by the items it fulfilled", async () => {
    const stores = await orderStores();
    const tiktokOrderId = await placeTikTokOrder(stores.shop.shopId, { lineItems: [{ sellerSku: "TEE-S", quantity: 2 }, { sellerSku: "TOTE", quantity: 1 }] });
    expect(await importTikTokOrder({ organizationId: stores.organizationId, tiktokConnectionId: stores.shop.connectionId, tiktokOrderId, owner: "test" })).toMatchObject({ handled: true });
    const [imported] = await shopifyOrdersFor(stores.shopify.domain, tiktokOrderId);
    const orderId = imported!.id.split("/").pop()!;
    const order = () => sandboxControl<ShopifyOrder>("GET", `/__sandbox/shopify/shops/${stores.shopify.domain}/orders/${orderId}`);
    const tee = (await order()).lineItems.find((li) => li.sku === "TEE-S")!;
    expect(tee.quantity).toBe(2); // one TikTok line item per unit, grouped into a quantity

    const sync = async () => {
      const fulfillmentId = (await order()).fulfillments.at(-1)!.id;
      return syncFulfillment({ organizationId: stores.organizationId, shopifyConnectionId: stores.shopify.connectionId, shopifyOrderId: orderId, shopifyFulfillmentId: fulfillmentId });
    };
    await sandboxControl("POST", `/__sandbox/shopify/shops/${stores.shopify.domain}/orders/${orderId}/fulfill`, { trackingNumber: "9400100000000000000091", company: "USPS", lineItems: [{ lineItemId: tee.id, quantity: 2 }] });
    expect(await sync()).toMatchObject({ result: "sent", tiktokOrderId });
    let tiktok = await tiktokOrderInSandbox(tiktokOrderId);
    expect(tiktok.status).toBe("PARTIALLY_SHIPPING");
    const shippedTees = tiktok.package_details.find((p) => p.tracking_number === "9400100000000000000091")!.order_line_item_ids;
    expect(shippedTees.map((id) => tiktok.line_items.find((li) => li.id === id)!.seller_sku)).toEqual(["TEE-S", "TEE-S"]);

    await sandboxControl("POST", `/__sandbox/shopify/shops/${stores.shopify.domain}/orders/${orderId}/fulfill`, { trackingNumber: "9400100000000000000092", company: "USPS" });
    expect(await sync()).toMatchObject({ result: "sent" });
    tiktok = await tiktokOrderInSandbox(tiktokOrderId);
    expect(tiktok.status).toBe("AWAITING_COLLECTION");
    expect(tiktok.package_details.map((p) => p.tracking_number).sort()).toEqual(["9400100000000000000091", "9400100000000000000092"]);
  });
});
