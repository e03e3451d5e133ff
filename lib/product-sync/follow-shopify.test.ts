import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { processDelivery } from "../webhooks/process-delivery";
import { listingsOfShopifyProduct } from "./listings-of-shopify-product";
import { recordReviewOutcome } from "./record-review-outcome";
import { pairedSandboxStores, seedMappedProducts } from "./sync-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function setup() {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const [product] = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: [{ title: "Scarf", variants: [{ sku: "SCARF", price: "20.00", quantity: 2 }] }] });
  const variant = await testDb.shopifyVariant.findFirstOrThrow({ include: { product: true } });
  await testDb.shopifyVariant.update({ where: { id: variant.id }, data: { inventoryItemId: "777" } });
  return { ...stores, shop, product: product!, shopifyProductId: variant.product.externalId };
}

describe("following Shopify and TikTok webhooks", () => {
  it("inventory_levels/update names the Shopify product whose TikTok listings must follow", async () => {
    const { org, shopify, shop, product, shopifyProductId } = await setup();
    const delivery = await testDb.webhookDelivery.create({
      data: { platform: "SHOPIFY", deliveryId: "d-1", topic: "inventory_levels/update", shop: shopify.domain, organizationId: org.organizationId, connectionId: shopify.connectionId, payload: { body: { inventory_item_id: 777, location_id: 1, available: 3 } } },
    });
    expect(await processDelivery({ deliveryId: delivery.id, organizationId: org.organizationId })).toEqual({
      handled: true,
      action: "stock changed",
      shopifyProductChanged: { organizationId: org.organizationId, shopifyConnectionId: shopify.connectionId, shopifyProductId },
    });
    expect(await listingsOfShopifyProduct({ organizationId: org.organizationId, shopifyConnectionId: shopify.connectionId, shopifyProductId })).toEqual([{ tiktokProductId: product.tiktokProductId, tiktokConnectionId: shop.connectionId }]);
    // Another tenant's ids find nothing.
    const other = await pairedSandboxStores();
    expect(await listingsOfShopifyProduct({ organizationId: other.org.organizationId, shopifyConnectionId: shopify.connectionId, shopifyProductId })).toEqual([]);
  });

  it.each([
    { status: "PRODUCT_STATUS_CHANGED", outcome: "APPROVED", reason: null },
    { status: "PRODUCT_AUDIT_FAILURE", outcome: "FAILED", reason: "Image shows a watermark" },
  ])("PRODUCT_STATUS_CHANGE $status ends the review as $outcome", async ({ status, outcome, reason }) => {
    const { org, shop, product } = await setup();
    await testDb.productSyncState.create({ data: { organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, tiktokProductId: product.tiktokProductId, status: "SYNCED", reviewStatus: "AUDITING" } });
    expect(await recordReviewOutcome({ connectionId: shop.connectionId, data: { product_id: product.externalId, status, suspended_reason: reason ?? "" } })).toBe(`review ${outcome.toLowerCase()}`);
    expect(await testDb.productSyncState.findFirstOrThrow()).toMatchObject({ reviewStatus: outcome, reviewReason: reason });
    expect(await testDb.notification.count()).toBe(outcome === "FAILED" ? 1 : 0);
    // A product Ferry never edited is not touched.
    expect(await recordReviewOutcome({ connectionId: shop.connectionId, data: { product_id: product.externalId, status } })).toBeNull();
  });
});
