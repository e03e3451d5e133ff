import { z } from "zod";
import { inngest } from "@/inngest/client";
import { mappingBatchCreated } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { checkMappingPreview } from "../product-sync/preview/check-mapping-preview";
import { createMappingBatch } from "./apply-batch";

export const startMappingBatchSchema = z
  .object({
    tiktokConnectionId: z.string().min(1).max(40),
    rows: z.array(z.unknown()),
    /** With auto-sync on: the overwrite preview of these rows the member confirmed. */
    overwritePreviewId: z.string().min(1).max(40).optional(),
    overwriteGlobalProducts: z.boolean().optional(),
  })
  .strict();

/** "Map": stores the checked proposals as a batch and applies it in the background. */
export async function startMappingBatch({ org, input }: { org: OrgContext; input: z.infer<typeof startMappingBatchSchema> }) {
  await checkMappingPreview({ organizationId: org.organizationId, ...input });
  const batch = await createMappingBatch({ org, tiktokConnectionId: input.tiktokConnectionId, rows: input.rows });
  await inngest.send(
    mappingBatchCreated.create({ organizationId: org.organizationId, tiktokConnectionId: input.tiktokConnectionId, batchId: batch.batchId }, { id: `mapping-batch-${batch.batchId}` }),
  );
  return batch;
}
