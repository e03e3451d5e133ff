import { listingsOfShopifyProduct } from "@/lib/product-sync/listings-of-shopify-product";
import { inngest } from "../client";
import { productSyncRequested, shopifyProductChanged } from "../events";

/** A Shopify product or its stock changed: once its burst of webhooks settles, sync every TikTok listing mapped to it. */
export const followShopifyProductFn = inngest.createFunction(
  {
    id: "follow-shopify-product",
    name: "Follow a Shopify product change",
    triggers: [shopifyProductChanged],
    // Editing a product in Shopify's admin sends products/update plus one inventory_levels/update per location.
    debounce: { key: "event.data.shopifyProductId", period: "5s", timeout: "1m" },
    retries: 3,
  },
  async ({ event, step }) => {
    const listings = await step.run("find-listings", () => listingsOfShopifyProduct(event.data));
    if (listings.length > 0) {
      await step.sendEvent(
        "sync",
        listings.map((l) => productSyncRequested.create({ organizationId: event.data.organizationId, tiktokConnectionId: l.tiktokConnectionId, tiktokProductId: l.tiktokProductId, reason: "shopify-change" })),
      );
    }
    return { listings: listings.length };
  },
);
