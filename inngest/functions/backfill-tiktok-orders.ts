import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { isTikTokShop } from "@/lib/orders/is-tiktok-shop";
import { BACKFILL_DAYS } from "@/lib/orders/poll-shop-orders";
import { inngest } from "../client";
import { connectionConnected, tiktokOrdersPollRequested } from "../events";

/** A TikTok shop was connected (or reconnected): import its orders of the last seven days. */
export const backfillTikTokOrdersFn = inngest.createFunction(
  {
    id: "backfill-tiktok-orders",
    name: "Backfill TikTok orders after connecting",
    triggers: [connectionConnected],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "orders.poll",
        what: "Queueing the last seven days of TikTok orders",
        next: "New orders still arrive; older ones are not imported. Reconnect the shop to try again.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: connectionId,
      });
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, connectionId } = event.data;
    const tiktok = await step.run("check", () => isTikTokShop({ organizationId, connectionId }));
    if (!tiktok) return { backfill: false };
    const since = Math.floor(new Date(event.ts ?? Date.now()).getTime() / 1000) - BACKFILL_DAYS * 86_400;
    await step.sendEvent("backfill", tiktokOrdersPollRequested.create({ organizationId, tiktokConnectionId: connectionId, since, reason: "backfill" }, { id: `order-backfill-${runId}` }));
    return { backfill: true };
  },
);
