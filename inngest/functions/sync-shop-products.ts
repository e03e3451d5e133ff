import { recordActivity } from "@/lib/activity/record-activity";
import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { syncShopPage, type ShopPageResult } from "@/lib/product-sync/sync-shop-page";
import { inngest } from "../client";
import { productSyncRequested, productSyncShopRequested } from "../events";

/** Syncs a shop's mapped products page by page: the products one "Map" mapped, or all of them (reconciliation). */
export const syncShopProductsFn = inngest.createFunction(
  {
    id: "sync-shop-products",
    name: "Sync a shop's products to TikTok",
    triggers: [productSyncShopRequested],
    concurrency: { key: "event.data.tiktokConnectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      await recordJobFailure({ organizationId: event.data.event.data.organizationId, type: "product_sync.shop_failed", what: "Syncing the shop's products to TikTok", error });
    },
  },
  async ({ event, step }) => {
    const { organizationId, tiktokConnectionId, batchId } = event.data;
    const reason = event.data.reason === "reconcile" ? "reconcile" : "mapping";
    const totals = { synced: 0, partial: 0, failed: 0, skipped: 0 };
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const from: string | null = after;
      const result: ShopPageResult = await step.run(`page-${page}`, () => syncShopPage({ organizationId, tiktokConnectionId, after: from, batchId, reason }));
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
      if (result.siblings.length > 0) {
        await step.sendEvent(`siblings-${page}`, result.siblings.map((id) => productSyncRequested.create({ organizationId, tiktokConnectionId, tiktokProductId: id, reason: "global-edit" })));
      }
      if (!result.next) break;
      after = result.next;
    }
    if (totals.failed + totals.partial > 0) {
      await step.run("report", () =>
        recordActivity({
          organizationId,
          type: "product_sync.shop_report",
          level: "WARNING",
          message: `Product sync (${reason}): ${totals.synced} products in sync, ${totals.partial} partly synced, ${totals.failed} failed. Each product under Products shows its reason and a Retry.`,
          subjectType: "connection",
          subjectId: tiktokConnectionId,
        }),
      );
    }
    return totals;
  },
);
