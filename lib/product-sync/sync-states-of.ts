import { db } from "../db";

/** What the Products page shows per product: sync status, last synced, last error, TikTok's review. */
export interface ProductSyncView {
  status: "QUEUED" | "SYNCED" | "PARTIAL" | "FAILED";
  lastSyncedAt: string | null;
  lastError: string | null;
  reviewStatus: string | null;
  reviewReason: string | null;
  promotionLocked: boolean;
}

export async function syncStatesOf({ organizationId, productIds }: { organizationId: string; productIds: string[] }): Promise<Map<string, ProductSyncView>> {
  if (productIds.length === 0) return new Map();
  const rows = await db().productSyncState.findMany({
    where: { organizationId, tiktokProductId: { in: productIds } },
    select: { tiktokProductId: true, status: true, lastSyncedAt: true, lastError: true, reviewStatus: true, reviewReason: true, skuErrors: true },
  });
  return new Map(
    rows.map((r) => [
      r.tiktokProductId,
      {
        status: r.status,
        lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null,
        lastError: r.lastError,
        reviewStatus: r.reviewStatus,
        reviewReason: r.reviewReason,
        promotionLocked: Array.isArray(r.skuErrors) && r.skuErrors.some((e) => (e as { promotionLocked?: boolean } | null)?.promotionLocked === true),
      },
    ]),
  );
}
