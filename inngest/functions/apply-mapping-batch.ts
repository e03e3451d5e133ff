import { applyMappingBatch } from "@/lib/mapping/apply-batch";
import { failMappingBatch } from "@/lib/mapping/fail-mapping-batch";
import { inngest } from "../client";
import { mappingBatchCreated } from "../events";

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
  async ({ event, step }) => step.run("apply", () => applyMappingBatch({ organizationId: event.data.organizationId, batchId: event.data.batchId })),
);
