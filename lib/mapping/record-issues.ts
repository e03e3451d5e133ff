import { db } from "../db";
import type { BatchFailure } from "./batch-rows";

export interface RecordMappingIssuesOptions {
  organizationId: string;
  tiktokConnectionId: string;
  batchId: string;
  failures: BatchFailure[];
  mappedProductIds: string[];
}

/**
 * Keeps the outcome of "Map" visible: a refused product gets one open issue (replacing an older open
 * one) and stays under "Needs attention" with the reason and the fix; a product mapped successfully
 * has its open issues resolved. Idempotent: a re-run leaves the same open issues.
 */
export async function recordMappingIssues({ organizationId, tiktokConnectionId, batchId, failures, mappedProductIds }: RecordMappingIssuesOptions): Promise<void> {
  const failedIds = failures.map((f) => f.tiktokProductId);
  const now = new Date();
  await db().$transaction([
    db().mappingIssue.updateMany({
      where: { organizationId, tiktokConnectionId, resolvedAt: null, tiktokProductId: { in: [...failedIds, ...mappedProductIds] } },
      data: { resolvedAt: now },
    }),
    db().mappingIssue.createMany({
      data: failures.map((f) => ({ organizationId, tiktokConnectionId, tiktokProductId: f.tiktokProductId, batchId, reason: f.reason, fix: f.fix })),
    }),
  ]);
}

/** Open issues of the given products, for the product list. */
export async function openMappingIssues({ organizationId, productIds }: { organizationId: string; productIds: string[] }) {
  if (productIds.length === 0) return new Map<string, { reason: string; fix: string }[]>();
  const rows = await db().mappingIssue.findMany({
    where: { organizationId, resolvedAt: null, tiktokProductId: { in: productIds } },
    orderBy: { createdAt: "desc" },
    select: { tiktokProductId: true, reason: true, fix: true },
  });
  const byProduct = new Map<string, { reason: string; fix: string }[]>();
  for (const row of rows) byProduct.set(row.tiktokProductId, [...(byProduct.get(row.tiktokProductId) ?? []), { reason: row.reason, fix: row.fix }]);
  return byProduct;
}
