import { recordFulfillmentJobFailure } from "@/lib/fulfillment/record-fulfillment-job-failure";
import { syncFulfillment } from "@/lib/fulfillment/sync-fulfillment";
import { inngest } from "../client";
import { shopifyFulfillmentChanged } from "../events";

/** Sends a Shopify fulfillment's tracking to TikTok (ship the package, or correct its tracking). */
export const syncFulfillmentFn = inngest.createFunction(
  {
    id: "sync-fulfillment",
    name: "Send fulfillment to TikTok",
    triggers: [shopifyFulfillmentChanged],
    // One run per Shopify order at a time: its fulfillments ship packages of the same TikTok order, and a
    // create and an update of one fulfillment must not both ship. A few orders per store at once.
    concurrency: [
      { key: "event.data.shopifyOrderId", limit: 1 },
      { key: "event.data.shopifyConnectionId", limit: 8 },
    ],
    retries: 5,
    onFailure: async ({ event, error }) => {
      const { organizationId, shopifyConnectionId, shopifyFulfillmentId } = event.data.event.data;
      await recordFulfillmentJobFailure({ organizationId, shopifyConnectionId, shopifyFulfillmentId, error, runId: event.data.run_id });
    },
  },
  async ({ event, step }) => step.run("sync", () => syncFulfillment(event.data)),
);
