import { db } from "@/lib/db";
import { failureMessage, recordSyncFailure, syncProduct } from "@/lib/product-sync/sync-product";
import { inngest } from "../client";
import { productSyncRequested } from "../events";

/** Syncs one TikTok product from Shopify; retried on passing failures, recorded as failed with the reason after the last. */
export const syncProductFn = inngest.createFunction(
  {
    id: "sync-product",
    name: "Sync product to TikTok",
    triggers: [productSyncRequested],
    // One sync of a product at a time (two would plan against the same listing); a few products per shop at once.
    concurrency: [
      { key: "event.data.tiktokProductId", limit: 1 },
      { key: "event.data.tiktokConnectionId", limit: 8 },
    ],
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { organizationId, tiktokConnectionId, tiktokProductId } = event.data.event.data;
      const product = await db().tikTokProduct.findFirst({ where: { id: tiktokProductId, organizationId }, select: { title: true } });
      if (product) await recordSyncFailure({ organizationId, tiktokConnectionId, tiktokProductId, title: product.title, message: `${failureMessage(error)} (after several attempts; use Retry on the product)` });
    },
  },
  async ({ event, step }) => {
    const outcome = await step.run("sync", () => syncProduct(event.data));
    if (outcome.siblings.length > 0) {
      // A global edit reset every market's local prices: their listings are synced again.
      await step.sendEvent(
        "sync-siblings",
        outcome.siblings.map((id) => productSyncRequested.create({ ...event.data, tiktokProductId: id, reason: "global-edit" })),
      );
    }
    return outcome;
  },
);
