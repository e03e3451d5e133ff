import { mapConcurrent } from "../catalog/tiktok/map-concurrent";
import { db } from "../db";
import { getShopSettings } from "../settings/get-shop-settings";
import { failureMessage, recordSyncFailure, syncProduct, type SyncReason } from "./sync-product";

// Products per page (one job step). Each page ends by waiting for its slowest products, when fewer calls
// are in flight than the limiter allows: 100 per page kept each endpoint at 38 calls/s, 250 at 41.7.
export const SYNC_PAGE = 250;
// Products synced at once in a page: enough calls in flight to keep each TikTok endpoint at its limit (the
// shared limiter paces them), few enough for one function run.
export const SYNC_CONCURRENCY = 24;
// A product whose sync keeps failing for a passing reason is retried this often inside the page, then
// recorded as failed with the reason (the next reconciliation or a "Retry" picks it up).
const ATTEMPTS = 3;

export interface SyncShopPageOptions {
  organizationId: string;
  tiktokConnectionId: string;
  after: string | null;
  /** Only the products this mapping batch mapped. */
  batchId?: string;
  reason: SyncReason;
  concurrency?: number;
}

/** One page (keyset by product id) of a shop's mapped products, synced. Safe to run twice: a repeat writes nothing new. */
export interface ShopPageResult {
  next: string | null;
  synced: number;
  partial: number;
  failed: number;
  skipped: number;
  /** Local products of global products this page edited: to be synced again. */
  siblings: string[];
}

export async function syncShopPage({ organizationId, tiktokConnectionId, after, batchId, reason, concurrency = SYNC_CONCURRENCY }: SyncShopPageOptions): Promise<ShopPageResult> {
  const products = await db().tikTokProduct.findMany({
    where: {
      organizationId,
      connectionId: tiktokConnectionId,
      deletedAt: null,
      skus: { some: { mapping: { status: "ACTIVE", ...(batchId ? { batchId } : {}) } } },
      ...(after ? { id: { gt: after } } : {}),
    },
    select: { id: true, title: true },
    orderBy: { id: "asc" },
    take: SYNC_PAGE,
  });
  const settings = (await getShopSettings({ organizationId, tiktokConnectionId })).productSync;
  const outcomes = await mapConcurrent({
    items: products,
    concurrency,
    work: async (product) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await syncProduct({ organizationId, tiktokProductId: product.id, reason, settings });
        } catch (error) {
          if (attempt < ATTEMPTS) {
            await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt * (0.5 + Math.random() / 2)));
            continue;
          }
          const message = failureMessage(error);
          await recordSyncFailure({ organizationId, tiktokConnectionId, tiktokProductId: product.id, title: product.title, message });
          return { status: "FAILED" as const, error: message, siblings: [] as string[] };
        }
      }
    },
  });
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  return {
    next: products.length === SYNC_PAGE ? products.at(-1)!.id : null,
    synced: count("SYNCED"),
    partial: count("PARTIAL"),
    failed: count("FAILED"),
    skipped: count("SKIPPED"),
    siblings: [...new Set(outcomes.flatMap((o) => o.siblings))],
  };
}
