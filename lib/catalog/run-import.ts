import { db } from "../db";
import { env } from "../env";
import { finishShopifyImport, importShopifyStep, sleepBeforeStepMs, startShopifyImport } from "./shopify/import-store";
import { shopifyImportCursorSchema } from "./shopify/import-cursor";
import { finishTikTokImport, importTikTokPage, startTikTokImport } from "./tiktok/import-shop";
import { searchCursorSchema } from "./tiktok/search-windows";

// One shape for the import job over both platforms: start → step until the cursor is null → finish.
// Cursors are plain JSON carried between Inngest steps, so every step is resumable and idempotent.

export type ImportKind = "full" | "reconcile";

export interface ImportProgress {
  platform: "SHOPIFY" | "TIKTOK";
  importId: string;
  cursor: unknown;
  /** Wait this long before the next step (a Shopify bulk operation still running). */
  sleepMs: number;
}

export async function startCatalogImport({ connectionId, kind }: { connectionId: string; kind: ImportKind }): Promise<ImportProgress | null> {
  const connection = await db().connection.findUniqueOrThrow({ where: { id: connectionId }, select: { platform: true, status: true } });
  // A store disconnected or uninstalled since the import was queued: nothing to do.
  if (connection.status !== "ACTIVE") return null;
  if (connection.platform === "SHOPIFY") {
    const { importId, cursor } = await startShopifyImport({ connectionId, kind });
    return { platform: "SHOPIFY", importId, cursor, sleepMs: sleepBeforeStepMs(cursor) };
  }
  const { importId, cursor } = await startTikTokImport({ connectionId, kind });
  return { platform: "TIKTOK", importId, cursor, sleepMs: 0 };
}

/** One page / poll / chunk. Returns the next progress, or null when the import has read everything. */
export async function importCatalogStep(progress: ImportProgress): Promise<ImportProgress | null> {
  if (progress.platform === "SHOPIFY") {
    const next = await importShopifyStep({ importId: progress.importId, cursor: shopifyImportCursorSchema.parse(progress.cursor) });
    return next ? { ...progress, cursor: next, sleepMs: sleepBeforeStepMs(next) } : null;
  }
  // Detail reads in flight: bounded by the pool (the rate limiter is the real throttle).
  const detailConcurrency = Math.min(8, env().DATABASE_POOL_MAX);
  const { cursor } = await importTikTokPage({ importId: progress.importId, cursor: searchCursorSchema.parse(progress.cursor), detailConcurrency });
  return cursor ? { ...progress, cursor, sleepMs: 0 } : null;
}

export async function finishCatalogImport({ platform, importId, error }: { platform: ImportProgress["platform"]; importId: string; error?: string }): Promise<void> {
  if (platform === "SHOPIFY") await finishShopifyImport({ importId, error });
  else await finishTikTokImport({ importId, error });
  // Fresh planner statistics after a large write: the embedded PGlite never runs autovacuum, and the
  // review and product-list queries depend on them.
  if (!error) {
    const tables = platform === "SHOPIFY" ? ['"ShopifyProduct"', '"ShopifyVariant"'] : ['"TikTokProduct"', '"TikTokSku"'];
    await db().$executeRawUnsafe(`ANALYZE ${tables.join(", ")}, "Mapping"`);
  }
}
