import { db } from "../db";
import { notFound } from "../errors";

/** A batch's progress and outcome, for the "N products mapped, M failed" notification. */
export async function getMappingBatch({ organizationId, batchId }: { organizationId: string; batchId: string }) {
  const batch = await db().mappingBatch.findFirst({
    where: { id: batchId, organizationId },
    select: { id: true, status: true, mappedProducts: true, mappedSkus: true, failures: true, createdAt: true, finishedAt: true },
  });
  if (!batch) throw notFound("Mapping batch not found.");
  return { ...batch, createdAt: batch.createdAt.toISOString(), finishedAt: batch.finishedAt?.toISOString() ?? null };
}
