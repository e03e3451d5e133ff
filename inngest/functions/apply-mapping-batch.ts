import { applyMappingBatch } from "@/lib/mapping/apply-batch";
import { detectMappingConflicts } from "@/lib/mapping/detect-mapping-conflicts";
import { expandMappingBatch } from "@/lib/mapping/expand-mapping-batch";
import { failMappingBatch } from "@/lib/mapping/fail-mapping-batch";
import { retryOrdersUnblockedByMapping } from "@/lib/orders/retry-unblocked-orders";
import { shopToSyncAfterBatch } from "@/lib/product-sync/sync-after-mapping";
import { inngest } from "../client";
import { mappingBatchCreated, productSyncShopRequested } from "../events";

/** Applies a reviewed batch of mappings. Idempotent: a retried run maps nothing twice. */
export const applyMappingBatchFn = inngest.createFunction(
  {
    id: "apply-mapping-batch",
    name: "Apply mapping batch",
    triggers: [mappingBatchCreated],
    // One batch at a time per TikTok shop: batches of a shop take the shop's mapping lock anyway,
    // and two racing for the same SKUs would refuse each other. Other shops proceed.
    concurrency: { key: "event.data.tiktokConnectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, batchId } = event.data.event.data;
      await failMappingBatch({ organizationId, batchId, error, runId: event.data.run_id });
    },
  },
  async ({ event, step }) => {
    // "Select all" across pages: the rows beyond the opened pages, a few review pages per step.
    for (let i = 0; ; i++) {
      const { done } = await step.run(`expand-${i}`, () => expandMappingBatch({ organizationId: event.data.organizationId, batchId: event.data.batchId }));
      if (done) break;
    }
    const summary = await step.run("apply", () => applyMappingBatch({ organizationId: event.data.organizationId, batchId: event.data.batchId }));
    // New mappings settle some conflicts (and take variants others proposed): Needs attention follows.
    await step.run("detect-mapping-conflicts", () => detectMappingConflicts({ organizationId: event.data.organizationId, tiktokConnectionId: event.data.tiktokConnectionId }));
    // With auto-sync on, the merchant confirmed the overwrite preview before "Map": the new listings follow Shopify.
    const sync = await step.run("auto-sync", () => shopToSyncAfterBatch(event.data));
    if (sync) {
      await step.sendEvent("sync", productSyncShopRequested.create({ ...event.data, tiktokConnectionId: sync.tiktokConnectionId, reason: "mapping" }, { id: `sync-batch-${event.data.batchId}` }));
    }
    // TikTok orders that waited for these SKUs are created now.
    await step.run("waiting-orders", () => retryOrdersUnblockedByMapping({ organizationId: event.data.organizationId, tiktokConnectionId: event.data.tiktokConnectionId, key: `batch-${event.data.batchId}` }));
    return summary;
  },
);
