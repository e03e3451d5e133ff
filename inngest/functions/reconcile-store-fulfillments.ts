import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { findMissedFulfillments } from "@/lib/fulfillment/find-missed-fulfillments";
import { inngest } from "../client";
import { fulfillmentReconcileRequested, shopifyFulfillmentChanged } from "../events";

/** One store's fulfillment backstop: what the webhooks missed goes to sync-fulfillment like a webhook would. */
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
    if (missed.length === 0) return { queued: 0 };
    await step.sendEvent(
      "send",
      missed.map((m) =>
        shopifyFulfillmentChanged.create({ organizationId, shopifyConnectionId, shopifyOrderId: m.shopifyOrderId, shopifyFulfillmentId: m.shopifyFulfillmentId }, { id: `fulfillment-backstop-${runId}-${m.shopifyFulfillmentId}` }),
      ),
    );
    return { queued: missed.length };
  },
);
