import { cron } from "inngest";
import { storesWithFulfillmentSync } from "@/lib/fulfillment/find-missed-fulfillments";
import { log } from "@/lib/log";
import { inngest } from "../client";
import { fulfillmentReconcileRequested } from "../events";

/** Every five minutes: each paired Shopify store looks for fulfillments whose webhook was dropped. */
export const reconcileFulfillmentsFn = inngest.createFunction(
  {
    id: "reconcile-fulfillments",
    name: "Reconcile fulfillments",
    triggers: [cron("TZ=UTC */5 * * * *")],
    retries: 2,
    // Fleet-wide: no one organization to tell.
    onFailure: ({ error }) => log.error("fulfillment reconciliation failed", { error: error.message.slice(0, 500) }),
  },
  async ({ step, runId }) => {
    const stores = await step.run("list-stores", () => storesWithFulfillmentSync());
    if (stores.length === 0) return { queued: 0 };
    await step.sendEvent("queue", stores.map((s) => fulfillmentReconcileRequested.create(s, { id: `fulfillment-reconcile-${runId}-${s.shopifyConnectionId}` })));
    return { queued: stores.length };
  },
);
