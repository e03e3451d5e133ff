import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { findMissedFulfillments, pairedTikTokShops } from "@/lib/fulfillment/find-missed-fulfillments";
import { refreshTikTokStatuses } from "@/lib/fulfillment/refresh-tiktok-statuses";
import { inngest } from "../client";
import { fulfillmentReconcileRequested, shopifyFulfillmentChanged } from "../events";

/**
 * One store's fulfillment backstop: what the webhooks missed goes to sync-fulfillment like a webhook would,
 * and TikTok statuses that stopped moving are read again.
 */
export const reconcileStoreFulfillmentsFn = inngest.createFunction(
  {
    id: "reconcile-store-fulfillments",
    name: "Reconcile a store's fulfillments",
    triggers: [fulfillmentReconcileRequested],
    concurrency: { key: "event.data.shopifyConnectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, shopifyConnectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "fulfillment.reconcile_failed",
        what: "Looking for Shopify fulfillments not yet sent to TikTok",
        next: "It runs again in five minutes.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: shopifyConnectionId,
      });
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, shopifyConnectionId } = event.data;
    const missed = await step.run("find", () => findMissedFulfillments({ organizationId, shopifyConnectionId }));
    // TikTok statuses whose ORDER_STATUS_CHANGE never arrived: read again, a batch per shop.
    const shops = await step.run("list-shops", () => pairedTikTokShops({ organizationId, shopifyConnectionId }));
    let refreshed = 0;
    for (const tiktokConnectionId of shops) refreshed += await step.run(`refresh-statuses-${tiktokConnectionId}`, () => refreshTikTokStatuses({ organizationId, tiktokConnectionId }));
    if (missed.length === 0) return { queued: 0, refreshed };
    await step.sendEvent(
      "send",
      missed.map((m) =>
        shopifyFulfillmentChanged.create({ organizationId, shopifyConnectionId, shopifyOrderId: m.shopifyOrderId, shopifyFulfillmentId: m.shopifyFulfillmentId }, { id: `fulfillment-backstop-${runId}-${m.shopifyFulfillmentId}` }),
      ),
    );
    return { queued: missed.length, refreshed };
  },
);
