import type { Prisma } from "../generated/prisma/client";
import type { BatchFailure } from "./batch-rows";

export interface WriteMappingIssuesOptions {
  tx: Prisma.TransactionClient;
  organizationId: string;
  tiktokConnectionId: string;
  batchId: string;
  failures: BatchFailure[];
  resolvedProductIds: string[];
}

// A refused product gets one open issue, replacing an older batch's open one (a conflict's stays), so that it stays under
// "Needs attention" with the reason and the fix; a product this batch mapped has its open issues
// resolved. Running it again for the same batch changes nothing.
export async function writeMappingIssues({ tx, organizationId, tiktokConnectionId, batchId, failures, resolvedProductIds }: WriteMappingIssuesOptions): Promise<void> {
  const failedIds = failures.map((failure) => failure.tiktokProductId);
  if (failedIds.length + resolvedProductIds.length === 0) return;
  const open = { organizationId, tiktokConnectionId, resolvedAt: null };
  const already = await tx.mappingIssue.findMany({ where: { ...open, batchId, tiktokProductId: { in: failedIds } }, select: { tiktokProductId: true } });
  await tx.mappingIssue.updateMany({
    where: {
      ...open,
      OR: [{ tiktokProductId: { in: resolvedProductIds } }, { tiktokProductId: { in: failedIds }, kind: "MAP", OR: [{ batchId: null }, { batchId: { not: batchId } }] }],
    },
    data: { resolvedAt: new Date() },
  });
  const recorded = new Set(already.map((issue) => issue.tiktokProductId));
  await tx.mappingIssue.createMany({
    data: failures
      .filter((failure) => !recorded.has(failure.tiktokProductId))
      .map((failure) => ({ organizationId, tiktokConnectionId, tiktokProductId: failure.tiktokProductId, batchId, reason: failure.reason, fix: failure.fix })),
  });
}
