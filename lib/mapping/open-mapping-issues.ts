import { db } from "../db";

export interface MappingIssueView {
  reason: string;
  fix: string;
}

/** Open issues of the given products ("Map" refused them), newest first, for the product list. */
export async function openMappingIssues({ organizationId, productIds }: { organizationId: string; productIds: string[] }): Promise<Map<string, MappingIssueView[]>> {
  const byProduct = new Map<string, MappingIssueView[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db().mappingIssue.findMany({
    where: { organizationId, resolvedAt: null, tiktokProductId: { in: productIds } },
    orderBy: { createdAt: "desc" },
    select: { tiktokProductId: true, reason: true, fix: true },
  });
  for (const row of rows) byProduct.set(row.tiktokProductId, [...(byProduct.get(row.tiktokProductId) ?? []), { reason: row.reason, fix: row.fix }]);
  return byProduct;
}
