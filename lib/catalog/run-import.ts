import { db } from "../db";
import { env } from "../env";
import { notFound } from "../errors";
import { finishShopifyImport, importShopifyStep, sleepBeforeStepMs, startShopifyImport } from "./shopify/import-store";
import { shopifyImportCursorSchema } from "./shopify/import-cursor";
import { finishTikTokImport, importTikTokPage, startTikTokImport } from "./tiktok/import-shop";
import { searchCursorSchema } from "./tiktok/search-windows";

// One shape for the import job over both platforms: start → step until the cursor is null → finish.
// Cursors are plain JSON carried between Inngest steps, so every step is resumable and idempotent.
// Every step takes the organization and touches only that organization's store and import.

export type ImportKind = "full" | "reconcile";

export interface ImportProgress {
  organizationId: string;
  platform: "SHOPIFY" | "TIKTOK";
  importId: string;
  cursor: unknown;
  /** Wait this long before the next step (a Shopify bulk operation still running). */
  sleepMs: number;
}

export interface StartCatalogImportOptions {
  organizationId: string;
  connectionId: string;
  kind: ImportKind;
}

/** Starts an import of the organization's store; null when there is nothing to import. */
export async function startCatalogImport({ organizationId, connectionId, kind }: StartCatalogImportOptions): Promise<ImportProgress | null> {
  const connection = await db().connection.findFirst({ where: { id: connectionId, organizationId }, select: { platform: true, status: true } });
  // Not this organization's store (or gone), or disconnected or uninstalled since the import was queued.
  if (!connection || connection.status !== "ACTIVE") return null;
  if (connection.platform === "SHOPIFY") {
    const { importId, cursor } = await startShopifyImport({ connectionId, kind });
    return { organizationId, platform: "SHOPIFY", importId, cursor, sleepMs: sleepBeforeStepMs(cursor) };
  }
  const { importId, cursor } = await startTikTokImport({ connectionId, kind });
  return { organizationId, platform: "TIKTOK", importId, cursor, sleepMs: 0 };
}

async function assertImportOf({ organizationId, importId }: { organizationId: string; importId: string }): Promise<void> {
  const found = await db().catalogImport.count({ where: { id: importId, organizationId } });
  if (found === 0) throw notFound("Catalog import not found.");
}

/** One page / poll / chunk. Returns the next progress, or null when the import has read everything. */
export async function importCatalogStep(progress: ImportProgress): Promise<ImportProgress | null> {
  await assertImportOf(progress);
  if (progress.platform === "SHOPIFY") {
    const next = await importShopifyStep({ importId: progress.importId, cursor: shopifyImportCursorSchema.parse(progress.cursor) });
    return next ? { ...progress, cursor: next, sleepMs: sleepBeforeStepMs(next) } : null;
  }
  // Detail reads in flight: bounded by the pool (the rate limiter is the real throttle).
  const detailConcurrency = Math.min(8, env().DATABASE_POOL_MAX);
  const { cursor } = await importTikTokPage({ importId: progress.importId, cursor: searchCursorSchema.parse(progress.cursor), detailConcurrency });
  return cursor ? { ...progress, cursor, sleepMs: 0 } : null;
}

export interface FinishCatalogImportOptions {
  organizationId: string;
  platform: ImportProgress["platform"];
  importId: string;
  /** Set when the import failed: what the import's status shows. */
  error?: string;
}

export async function finishCatalogImport({ organizationId, platform, importId, error }: FinishCatalogImportOptions): Promise<void> {
  await assertImportOf({ organizationId, importId });
  if (platform === "SHOPIFY") await finishShopifyImport({ importId, error });
  else await finishTikTokImport({ importId, error });
  // Fresh planner statistics after a large write: the embedded PGlite never runs autovacuum, and the
  // review and product-list queries depend on them.
  if (!error) {
    const tables = platform === "SHOPIFY" ? ['"ShopifyProduct"', '"ShopifyVariant"'] : ['"TikTokProduct"', '"TikTokSku"'];
    await db().$executeRawUnsafe(`ANALYZE ${tables.join(", ")}, "Mapping"`);
  }
}
