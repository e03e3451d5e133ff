// A Shopify catalog import as idempotent steps for a job: start (decide the strategy), then one
// step per page / bulk poll / file chunk until the cursor is null, then finish. Small catalogs are
// read by cursor pagination; large ones by a bulk operation whose JSONL file is read in chunks.
// Every call goes through the client, which waits for the shop's cost budget.
import { db } from "../../db";
import { withShopifyClient } from "../../connections/shopify-session";
import { productsBulkQuery } from "../../platforms/shopify/operations/products";
import { pollDelayMs, shopifyImportCursorSchema, type ShopifyImportCursor } from "./import-cursor";
import { readBulkChunk } from "./read-bulk-chunk";
import { countVariantsUpTo, readProductsPage, type CallCounter } from "./read-products-page";
import { getShopifyStore } from "./shopify-store";
import { markProductsDeleted, writeSnapshots } from "./write-snapshots";

export type ShopifyImportKind = "full" | "reconcile";

/**
 * Up to this many variants a catalog is read page by page; above it, by a bulk operation. Pages cost
 * about 5 points per variant actually spent, so 500 variants fit a standard plan's 2,000-point bucket;
 * 2,000 variants by pages took 90 s of throttle waits on the sandbox (100 points/s), by bulk 1 s.
 */
export const DEFAULT_BULK_THRESHOLD_VARIANTS = 500;
/** Lines of the bulk file per step (the chunk then runs on to the end of its last product). */
export const DEFAULT_CHUNK_LINES = 2000;
/** A catalog count this recent (connect, or the last store check) picks the strategy; an older one is probed again. */
const CATALOG_COUNT_FRESH_MS = 60 * 60_000;
/** A reconcile re-reads products changed since the last good import began, less this margin for clock skew. */
const RECONCILE_MARGIN_MS = 5 * 60_000;

export interface StartShopifyImportOptions {
  connectionId: string;
  kind: ShopifyImportKind;
  bulkThresholdVariants?: number;
  /** Reconcile only: read products updated after this; default the start of the last succeeded import. */
  since?: Date;
}

export async function startShopifyImport(options: StartShopifyImportOptions): Promise<{ importId: string; cursor: ShopifyImportCursor; strategy: "pages" | "bulk" }> {
  const store = await getShopifyStore(options.connectionId);
  const search = options.kind === "reconcile" ? await reconcileSearch({ connectionId: store.connectionId, since: options.since }) : null;
  const run = await db().catalogImport.create({
    data: { organizationId: store.organizationId, connectionId: store.connectionId, kind: options.kind, startedAt: new Date() },
  });
  const threshold = options.bulkThresholdVariants ?? DEFAULT_BULK_THRESHOLD_VARIANTS;
  const counter: CallCounter = { calls: 0 };
  try {
    const known = options.kind === "full" ? await knownCatalogSize({ organizationId: store.organizationId, connectionId: store.connectionId, threshold }) : null;
    const variants = known === "large"
      ? null
      : known !== null
        ? known
        : await withShopifyClient(store, (client) => countVariantsUpTo({ client, search, threshold, counter }));
    await db().catalogImport.update({ where: { id: run.id }, data: { apiCalls: counter.calls, total: variants } });
    const cursor: ShopifyImportCursor = variants === null ? { phase: "bulk-start", search } : { phase: "pages", search, after: null };
    return { importId: run.id, cursor, strategy: variants === null ? "bulk" : "pages" };
  } catch (error) {
    await finishShopifyImport({ importId: run.id, error: error instanceof Error ? error.message : String(error) });
    await db().catalogImport.update({ where: { id: run.id }, data: { apiCalls: counter.calls } });
    throw error;
  }
}

/**
 * What a full import knows of the catalog's size without a probe: "large" when the last full import
 * was (bulk reads any size, so a store that shrank costs nothing extra), else the variants Shopify
 * counted with the shop details at connect or at a check, when that count is recent. Null: probe.
 */
async function knownCatalogSize({ organizationId, connectionId, threshold }: { organizationId: string; connectionId: string; threshold: number }): Promise<number | "large" | null> {
  const last = await db().catalogImport.findFirst({
    where: { organizationId, connectionId, kind: "full", status: "SUCCEEDED" },
    orderBy: { startedAt: "desc" },
    select: { processed: true },
  });
  if (last && last.processed > threshold) return "large";
  const counted = await db().connection.findFirstOrThrow({ where: { id: connectionId, organizationId }, select: { catalogVariants: true, catalogCountedAt: true } });
  if (counted.catalogVariants === null || !counted.catalogCountedAt || Date.now() - counted.catalogCountedAt.getTime() > CATALOG_COUNT_FRESH_MS) return null;
  return counted.catalogVariants > threshold ? "large" : counted.catalogVariants;
}

async function reconcileSearch(options: { connectionId: string; since?: Date }): Promise<string | null> {
  let since = options.since;
  if (!since) {
    const last = await db().catalogImport.findFirst({
      where: { connectionId: options.connectionId, status: "SUCCEEDED" },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    });
    // Never imported: read everything (a reconcile still marks nothing deleted).
    if (!last) return null;
    since = new Date(last.startedAt.getTime() - RECONCILE_MARGIN_MS);
  }
  // Shopify's timestamps have whole seconds: a change in the same second as `since` must match.
  const second = new Date(Math.floor(since.getTime() / 1000) * 1000);
  return `updated_at:>='${second.toISOString()}'`;
}

/** How long the job should sleep before running the step for `cursor` (a bulk poll waits). */
export function sleepBeforeStepMs(cursor: ShopifyImportCursor): number {
  return cursor.phase === "bulk-poll" ? cursor.sleepMs : 0;
}

export interface ImportShopifyStepOptions {
  importId: string;
  cursor: ShopifyImportCursor;
  chunkLines?: number;
}

/** Runs one step; resolves to the next cursor, or null when the catalog has been read completely. */
export async function importShopifyStep(options: ImportShopifyStepOptions): Promise<ShopifyImportCursor | null> {
  const cursor = shopifyImportCursorSchema.parse(options.cursor);
  const run = await db().catalogImport.findUnique({ where: { id: options.importId } });
  if (!run || run.status !== "RUNNING") return null;
  const store = await getShopifyStore(run.connectionId);
  const counter: CallCounter = { calls: 0 };
  let processed = 0;
  const write = async (snapshots: Parameters<typeof writeSnapshots>[0]["snapshots"]) => {
    await writeSnapshots({ organizationId: store.organizationId, connectionId: store.connectionId, snapshots, seenAt: new Date() });
    processed += snapshots.reduce((n, s) => n + s.variants.length, 0);
  };
  const complete = async () => {
    // Only a full read proves that what it did not see is gone.
    if (run.kind === "full") await markProductsDeleted({ connectionId: store.connectionId, notSeenSince: run.startedAt, at: new Date() });
    return null;
  };

  try {
    switch (cursor.phase) {
      case "pages": {
        const page = await withShopifyClient(store, (client) => readProductsPage({ client, search: cursor.search, after: cursor.after, counter }));
        await write(page.snapshots);
        return page.next ? { ...cursor, after: page.next } : await complete();
      }
      case "bulk-start": {
        counter.calls += 1;
        const operation = await withShopifyClient(store, (client) => client.runBulkQuery({ query: productsBulkQuery(cursor.search), groupObjects: true }));
        return { phase: "bulk-poll", operationId: operation.id, polls: 0, sleepMs: pollDelayMs(0) };
      }
      case "bulk-poll": {
        counter.calls += 1;
        const operation = await withShopifyClient(store, (client) => client.bulkOperation(cursor.operationId));
        if (!operation) throw new Error(`Shopify no longer knows bulk operation ${cursor.operationId}`);
        if (operation.status === "COMPLETED") {
          const variants = Math.max(0, (operation.objectCount ?? 0) - (operation.rootObjectCount ?? 0));
          await db().catalogImport.update({ where: { id: run.id }, data: { total: variants } });
          // No file: nothing matched the query.
          return operation.url ? { phase: "bulk-read", url: operation.url, byteOffset: 0, line: 0 } : await complete();
        }
        if (operation.status === "CREATED" || operation.status === "RUNNING") {
          return { ...cursor, polls: cursor.polls + 1, sleepMs: pollDelayMs(cursor.polls + 1) };
        }
        throw new Error(`Shopify's bulk operation ended ${operation.status}${operation.errorCode ? ` (${operation.errorCode})` : ""}`);
      }
      case "bulk-read": {
        const chunk = await readBulkChunk({ url: cursor.url, byteOffset: cursor.byteOffset, minLines: options.chunkLines ?? DEFAULT_CHUNK_LINES });
        await write(chunk.snapshots);
        return chunk.nextByteOffset === null ? await complete() : { ...cursor, byteOffset: chunk.nextByteOffset, line: cursor.line + chunk.lines };
      }
      default: {
        const unknown: never = cursor;
        throw new Error(`Unknown import cursor ${JSON.stringify(unknown)}`);
      }
    }
  } finally {
    if (counter.calls > 0 || processed > 0) {
      await db().catalogImport.update({ where: { id: run.id }, data: { apiCalls: { increment: counter.calls }, processed: { increment: processed } } });
    }
  }
}

/** Ends the run: SUCCEEDED, or FAILED with the error. A run already ended is left as it is. */
export async function finishShopifyImport(options: { importId: string; error?: string }): Promise<void> {
  await db().catalogImport.updateMany({
    where: { id: options.importId, status: "RUNNING" },
    data: { status: options.error ? "FAILED" : "SUCCEEDED", error: options.error ?? null, finishedAt: new Date() },
  });
}
