import { db, type Prisma } from "../db";
import type { ProductSyncStatus } from "../generated/prisma/enums.ts";
import type { SkuError } from "./push-product-sync";

export interface RecordSyncStateOptions {
  organizationId: string;
  tiktokConnectionId: string;
  tiktokProductId: string;
  status: ProductSyncStatus;
  lastError?: string | null;
  skuErrors?: SkuError[];
  synced?: boolean;
  /** AUDITING after a content edit; left as it is when undefined. */
  reviewStatus?: string;
}

/** The product's sync status as the Products page shows it (one row per product, upserted). */
export async function recordSyncState(options: RecordSyncStateOptions): Promise<void> {
  const now = new Date();
  const data = {
    status: options.status,
    lastAttemptAt: now,
    ...(options.synced ? { lastSyncedAt: now } : {}),
    ...(options.lastError !== undefined ? { lastError: options.lastError } : {}),
    ...(options.skuErrors ? { skuErrors: options.skuErrors as unknown as Prisma.InputJsonArray } : {}),
    ...(options.reviewStatus ? { reviewStatus: options.reviewStatus, reviewReason: null, reviewUpdatedAt: now } : {}),
  };
  await db().productSyncState.upsert({
    where: { tiktokProductId: options.tiktokProductId },
    create: { organizationId: options.organizationId, tiktokConnectionId: options.tiktokConnectionId, tiktokProductId: options.tiktokProductId, ...data },
    update: data,
  });
}
