import { cron } from "inngest";
import { listShopsToPoll } from "@/lib/orders/poll-shop-orders";
import { inngest } from "../client";
import { logScheduledFailure } from "../log-scheduled-failure";
import { tiktokOrdersPollRequested } from "../events";

/** Every five minutes, one order poll per TikTok shop: a dropped webhook delays an order by minutes, never loses it. */
export const pollTikTokOrdersFn = inngest.createFunction(
  {
    id: "poll-tiktok-orders",
    name: "Poll TikTok orders",
    triggers: [cron("*/5 * * * *")],
    retries: 2,
    onFailure: logScheduledFailure("poll-tiktok-orders"),
  },
  async ({ step, runId }) => {
    const shops = await step.run("list-shops", () => listShopsToPoll());
    if (shops.length === 0) return { scheduled: 0 };
    await step.sendEvent(
      "fan-out",
      shops.map((s) => tiktokOrdersPollRequested.create({ ...s, reason: "schedule" }, { id: `order-poll-${runId}-${s.tiktokConnectionId}` })),
    );
    return { scheduled: shops.length };
  },
);
