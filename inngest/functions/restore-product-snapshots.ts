import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { mapConcurrent } from "@/lib/catalog/tiktok/map-concurrent";
import { restoreSnapshot } from "@/lib/product-sync/restore-snapshot";
import { inngest } from "../client";
import { productSnapshotsRestoreRequested } from "../events";

const PAGE = 50;

/** An undone mapping batch: every listing auto-sync had overwritten is put back from its snapshot. */
export const restoreProductSnapshotsFn = inngest.createFunction(
  {
    id: "restore-product-snapshots",
    name: "Restore TikTok listings from snapshots",
    triggers: [productSnapshotsRestoreRequested],
    concurrency: { key: "event.data.organizationId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      await recordJobFailure({ organizationId: event.data.event.data.organizationId, type: "product_sync.restore_failed", what: "Putting back the overwritten TikTok listings", error });
    },
  },
  async ({ event, step }) => {
    const { organizationId, tiktokProductIds } = event.data;
    let restored = 0;
    for (let start = 0; start < tiktokProductIds.length; start += PAGE) {
      const ids = tiktokProductIds.slice(start, start + PAGE);
      // A retried page finds the restored snapshots marked and skips them.
      const outcomes = await step.run(`restore-${start / PAGE}`, () => mapConcurrent({ items: ids, concurrency: 8, work: (tiktokProductId) => restoreSnapshot({ organizationId, tiktokProductId }) }));
      restored += outcomes.filter((o) => o.restored).length;
    }
    return { restored };
  },
);
