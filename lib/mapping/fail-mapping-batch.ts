import { recordJobFailure } from "../activity/record-job-failure";
import { db } from "../db";

export interface FailMappingBatchOptions {
  organizationId: string;
  batchId: string;
  /** The error the apply job failed with, as its onFailure received it. */
  error: unknown;
  runId?: string;
}

/**
 * The apply job gave up: the batch is marked FAILED and Activity says why. A batch that finished
 * meanwhile, or that is not this organization's, is left alone and nothing is recorded.
 */
export async function failMappingBatch({ organizationId, batchId, error, runId }: FailMappingBatchOptions): Promise<boolean> {
  const { count } = await db().mappingBatch.updateMany({
    where: { id: batchId, organizationId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date() },
  });
  if (count === 0) return false;
  await recordJobFailure({
    organizationId,
    type: "mapping.batch_failed",
    what: "Mapping the selected products",
    next: 'Rows mapped before the failure stay mapped; select the rest on Products and press "Map" again.',
    error,
    runId,
    subjectType: "mappingBatch",
    subjectId: batchId,
  });
  return true;
}
