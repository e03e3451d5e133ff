import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { finishOrderPoll, ordersToRetry, pollOrderPage, startOrderPoll, type PollCursor } from "@/lib/orders/poll-shop-orders";
import { tiktokOrderEventId } from "@/lib/orders/tiktok-order-event-id";
import { inngest } from "../client";
import { tiktokOrderChanged, tiktokOrdersPollRequested } from "../events";

/** One shop's order search by update time, page by page; each order found is queued for import (deduplicated with webhooks). */
export const pollShopOrdersFn = inngest.createFunction(
  {
    id: "poll-shop-orders",
    name: "Poll one TikTok shop's orders",
    triggers: [tiktokOrdersPollRequested],
    concurrency: { key: "event.data.tiktokConnectionId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { organizationId, tiktokConnectionId, reason } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "orders.poll",
        what: reason === "backfill" ? "Importing the last seven days of TikTok orders" : "Checking TikTok for new orders",
        next: "Webhooks still bring new orders; the check runs again within five minutes.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: tiktokConnectionId,
      });
    },
  },
  async ({ event, step }) => {
    const { organizationId, tiktokConnectionId, since } = event.data;
    const start = await step.run("start", () => startOrderPoll({ organizationId, tiktokConnectionId, since }));
    if (!start) return { orders: 0 };
    let cursor: PollCursor | null = start;
    let pages = 0;
    let found = 0;
    while (cursor) {
      const page: Awaited<ReturnType<typeof pollOrderPage>> = await step.run(`page-${pages}`, () => pollOrderPage({ organizationId, tiktokConnectionId, cursor: cursor! }));
      if (page.orders.length) {
        await step.sendEvent(
          `queue-${pages}`,
          page.orders.map((o) => tiktokOrderChanged.create({ organizationId, tiktokConnectionId, tiktokOrderId: o.id, source: event.data.reason === "backfill" ? "backfill" : "poll" }, { id: tiktokOrderEventId({ tiktokConnectionId, tiktokOrderId: o.id, updateTime: o.updateTime }) })),
        );
      }
      found += page.orders.length;
      pages += 1;
      cursor = page.next;
    }
    await step.run("finish", () => finishOrderPoll({ organizationId, tiktokConnectionId, until: start.until }));
    // Orders that can move without a new TikTok change (a SKU mapped since, a run that died).
    const retry = await step.run("find-retries", () => ordersToRetry({ organizationId, tiktokConnectionId }));
    if (retry.length) {
      await step.sendEvent("retry", retry.map((tiktokOrderId) => tiktokOrderChanged.create({ organizationId, tiktokConnectionId, tiktokOrderId, source: "mapping" }, { id: `order-retry-${tiktokConnectionId}-${tiktokOrderId}-${start.until}` })));
    }
    return { pages, orders: found, retried: retry.length };
  },
);
