import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { applyMappingBatch } from "@/lib/mapping/apply-batch";
import { db } from "@/lib/db";
import { shopToSyncAfterBatch } from "@/lib/product-sync/sync-after-mapping";
import { inngest } from "../client";
import { mappingBatchCreated, productSyncShopRequested } from "../events";

/** Applies a reviewed batch of mappings. Idempotent: a retried run maps nothing twice. */
export const applyMappingBatchFn = inngest.createFunction(
  {
    id: "apply-mapping-batch",
    name: "Apply mapping batch",
    triggers: [mappingBatchCreated],
    // One batch at a time per organization: two batches racing for the same SKUs would refuse each other.
    concurrency: { key: "event.data.organizationId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, batchId } = event.data.event.data;
      await db().mappingBatch.updateMany({ where: { id: batchId, organizationId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "FAILED", finishedAt: new Date() } });
      await recordJobFailure({ organizationId, type: "mapping.batch_failed", what: "Mapping the selected products", error });
    },
  },
  async ({ event, step }) => {
    const summary = await step.run("apply", () => applyMappingBatch({ batchId: event.data.batchId }));
    // With auto-sync on, the merchant confirmed the overwrite preview before "Map": the new listings follow Shopify.
    const sync = await step.run("auto-sync", () => shopToSyncAfterBatch(event.data));
    if (sync) {
      await step.sendEvent("sync", productSyncShopRequested.create({ ...event.data, tiktokConnectionId: sync.tiktokConnectionId, reason: "mapping" }, { id: `sync-batch-${event.data.batchId}` }));
    }
    return summary;
  },
);
