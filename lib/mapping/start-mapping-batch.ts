import { z } from "zod";
import { inngest } from "@/inngest/client";
import { mappingBatchCreated } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { conflict } from "../errors";
import { checkMappingPreview } from "../product-sync/preview/check-mapping-preview";
import { getShopSettings } from "../settings/get-shop-settings";
import { createMappingBatch } from "./apply-batch";

export const startMappingBatchSchema = z
  .object({
    tiktokConnectionId: z.string().min(1).max(40),
    rows: z.array(z.unknown()),
    /** "Select all": every proposal after the last opened page too (the review's nextCursor). */
    rest: z.object({ after: z.string().min(1).max(64) }).strict().optional(),
    /** With auto-sync on: the overwrite preview of these rows the member confirmed. */
    overwritePreviewId: z.string().min(1).max(40).optional(),
    overwriteGlobalProducts: z.boolean().optional(),
  })
  .strict();

/** "Map": stores the checked proposals as a batch and applies it in the background. */
export async function startMappingBatch({ org, input }: { org: OrgContext; input: z.infer<typeof startMappingBatchSchema> }) {
  if (input.rest) {
    // The overwrite preview covers rows the member has seen; the rest is computed later, unseen.
    const { productSync } = await getShopSettings({ organizationId: org.organizationId, tiktokConnectionId: input.tiktokConnectionId });
    if (productSync.autoSync) throw conflict("Auto-sync is on for this shop: select rows on the pages you opened, so that the overwrite preview covers every row you map.");
  }
  await checkMappingPreview({ organizationId: org.organizationId, ...input });
  const batch = await createMappingBatch({ org, tiktokConnectionId: input.tiktokConnectionId, rows: input.rows, rest: input.rest });
  await inngest.send(
    mappingBatchCreated.create({ organizationId: org.organizationId, tiktokConnectionId: input.tiktokConnectionId, batchId: batch.batchId }, { id: `mapping-batch-${batch.batchId}` }),
  );
  return batch;
}
