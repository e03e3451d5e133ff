import { importTikTokOrder } from "@/lib/orders/import-tiktok-order";
import { recordImportFailure } from "@/lib/orders/record-import-failure";
import { inngest } from "../client";
import { tiktokOrderChanged } from "../events";

/** Imports one TikTok order into Shopify, or follows it once imported (hold ends, cancellation). */
export const importTikTokOrderFn = inngest.createFunction(
  {
    id: "import-tiktok-order",
    name: "Import TikTok order",
    triggers: [tiktokOrderChanged],
    // One run per order at a time (the row claim makes creation safe regardless); a shop's burst of
    // orders runs ten at once (about three TikTok calls each: far inside 50/s per endpoint) so another shop's orders are not held up behind it.
    concurrency: [
      { key: "event.data.tiktokOrderId", limit: 1 },
      { key: "event.data.tiktokConnectionId", limit: 10 },
    ],
    // A few orders per second per shop, far inside TikTok's 50/s and Shopify's cost budget.
    throttle: { key: "event.data.tiktokConnectionId", limit: 600, period: "1m", burst: 100 },
    retries: 6,
    onFailure: async ({ event, error }) => {
      const { organizationId, tiktokConnectionId, tiktokOrderId } = event.data.event.data;
      await recordImportFailure({ organizationId, tiktokConnectionId, tiktokOrderId, error, runId: event.data.run_id });
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, tiktokConnectionId, tiktokOrderId } = event.data;
    // The run id owns the creation claim: a retry of this step continues its own claim.
    return step.run("import", () => importTikTokOrder({ organizationId, tiktokConnectionId, tiktokOrderId, owner: runId }));
  },
);
