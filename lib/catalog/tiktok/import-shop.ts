import { db } from "../../db";
import { conflict } from "../../errors";
import { isSearchCapExceeded, searchProductsPage } from "./catalog-api";
import { DELETED_STATUS, toUnixSeconds } from "./product-fields";
import { advanceSearchCursor, searchCapExceeded, searchCursorSchema, searchFilters, startSearchCursor, TIKTOK_SEARCH_CAP, type SearchCursor } from "./search-windows";
import { loadTikTokShopAccess } from "./shop-access";
import { syncSearchPage } from "./sync-search-page";

// A resumable import of one TikTok shop's catalog, one search page per call, so a job runs it step by step
// and carries the cursor between steps: start → page … page → finish.

export type TikTokImportKind = "full" | "reconcile";
export type TikTokImportCursor = SearchCursor;

/** A reconcile reads from the last successful import minus this, so clock skew and late writes are covered. */
export const RECONCILE_OVERLAP_MS = 10 * 60_000;
/** Seen-markers written by another app instance may lag the import's start by clock skew. */
const SEEN_SKEW_MS = 60_000;

export interface StartTikTokImportOptions {
  connectionId: string;
  kind: TikTokImportKind;
}

export async function startTikTokImport({ connectionId, kind }: StartTikTokImportOptions): Promise<{ importId: string; cursor: TikTokImportCursor }> {
  const shop = await loadTikTokShopAccess(connectionId);
  const updatedSince = kind === "reconcile" ? await reconcileFrom(connectionId) : null;
  const run = await db().catalogImport.create({
    data: { organizationId: shop.organizationId, connectionId, kind, startedAt: new Date() },
    select: { id: true },
  });
  return { importId: run.id, cursor: startSearchCursor({ updatedSince }) };
}

// From the last successful import, or from the newest update_time we hold if that is earlier (TikTok's
// clock, not ours, stamps update_time). Without a successful import, everything is read.
async function reconcileFrom(connectionId: string): Promise<number | null> {
  const last = await db().catalogImport.findFirst({
    where: { connectionId, status: "SUCCEEDED" },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  if (!last) return null;
  const newest = await db().tikTokProduct.aggregate({ where: { connectionId }, _max: { platformUpdatedAt: true } });
  const from = Math.min(last.startedAt.getTime(), newest._max.platformUpdatedAt?.getTime() ?? Infinity) - RECONCILE_OVERLAP_MS;
  return toUnixSeconds(new Date(Math.max(0, from)));
}

export interface ImportTikTokPageOptions {
  importId: string;
  cursor: unknown;
  /** The search's result cap; smaller values exist for tests. */
  searchCap?: number;
  /** Detail reads in flight at once (see DEFAULT_DETAIL_CONCURRENCY). */
  detailConcurrency?: number;
}

/** Reads one search page and brings its products into the cache. Returns the next cursor, or null at the end. */
export async function importTikTokPage({ importId, cursor: rawCursor, searchCap = TIKTOK_SEARCH_CAP, detailConcurrency }: ImportTikTokPageOptions): Promise<{ cursor: TikTokImportCursor | null }> {
  const run = await db().catalogImport.findUnique({ where: { id: importId }, select: { connectionId: true, status: true, total: true } });
  if (!run) throw conflict(`No catalog import ${importId}.`);
  if (run.status !== "RUNNING") return { cursor: null };
  const cursor = searchCursorSchema.parse(rawCursor);
  const shop = await loadTikTokShopAccess(run.connectionId);

  let page;
  try {
    page = await searchProductsPage({ shop, filters: searchFilters(cursor), pageToken: cursor.pageToken });
  } catch (error) {
    if (!isSearchCapExceeded(error)) throw error;
    await db().catalogImport.update({ where: { id: importId }, data: { apiCalls: { increment: 1 } } });
    return { cursor: searchCapExceeded(cursor) };
  }
  const { detailCalls } = await syncSearchPage({ shop, products: page.products, detailConcurrency });
  const next = advanceSearchCursor({
    cursor,
    cap: searchCap,
    page: { updateTimes: page.products.map((p) => p.update_time), totalCount: page.total_count, nextPageToken: page.next_page_token },
  });
  await db().catalogImport.update({
    where: { id: importId },
    data: {
      processed: { increment: next.fresh },
      apiCalls: { increment: 1 + detailCalls },
      // The first page's count covers the whole range this import reads.
      ...(run.total === null ? { total: page.total_count } : {}),
    },
  });
  return { cursor: next.cursor };
}

export interface FinishTikTokImportOptions {
  importId: string;
  /** The failure that ended the import early; absent when every page was read. */
  error?: unknown;
}

/**
 * Ends the import. A full import that read every page marks the products it did not see as deleted; a
 * failed or partial run never deletes anything.
 */
export async function finishTikTokImport({ importId, error }: FinishTikTokImportOptions): Promise<{ status: "SUCCEEDED" | "FAILED"; deleted: number }> {
  const run = await db().catalogImport.findUnique({ where: { id: importId }, select: { connectionId: true, status: true, kind: true, startedAt: true } });
  if (!run) throw conflict(`No catalog import ${importId}.`);
  if (run.status !== "RUNNING") return { status: run.status === "SUCCEEDED" ? "SUCCEEDED" : "FAILED", deleted: 0 };
  const now = new Date();
  if (error !== undefined) {
    await db().catalogImport.update({ where: { id: importId }, data: { status: "FAILED", error: errorMessage(error).slice(0, 1000), finishedAt: now } });
    return { status: "FAILED", deleted: 0 };
  }
  let deleted = 0;
  if (run.kind === "full") {
    const result = await db().tikTokProduct.updateMany({
      where: { connectionId: run.connectionId, deletedAt: null, importedAt: { lt: new Date(run.startedAt.getTime() - SEEN_SKEW_MS) } },
      data: { status: DELETED_STATUS, deletedAt: now },
    });
    deleted = result.count;
  }
  await db().catalogImport.update({ where: { id: importId }, data: { status: "SUCCEEDED", finishedAt: now } });
  return { status: "SUCCEEDED", deleted };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}
