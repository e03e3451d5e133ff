import { db } from "../db";
import { AppError } from "../errors";
import { MAX_BATCH_ROWS, storedRequestSchema, type StoredRow } from "./batch-rows";
import { computeProposals } from "./compute-proposals";

/** Review pages of this many products per expansion page; `pages` of them per call (one job step). */
const EXPAND_PAGE_PRODUCTS = 200;
const EXPAND_PAGES_PER_CALL = 10;

export interface ExpandMappingBatchOptions {
  organizationId: string;
  batchId: string;
  pages?: number;
  /** Products per review page (smaller in tests). */
  pageProducts?: number;
}

/**
 * "Select all" across the review's pages: turns the batch's `rest` (every proposal after the last
 * opened page) into stored rows, computed by the same review model the dialog shows, a few pages
 * per call so each job step stays short. Every row with a variant and a rule is taken, as "Select
 * all" checks it on an opened page. Each call reads the batch, adds the next pages' rows and moves
 * the cursor in one update, so a retried call repeats no page. A shop no longer paired (or paired
 * with another store) stops the expansion: the apply then refuses the batch's rows with the reason.
 */
export async function expandMappingBatch({ organizationId, batchId, pages = EXPAND_PAGES_PER_CALL, pageProducts = EXPAND_PAGE_PRODUCTS }: ExpandMappingBatchOptions): Promise<{ done: boolean; added: number }> {
  const batch = await db().mappingBatch.findFirst({ where: { id: batchId, organizationId }, select: { status: true, requested: true } });
  if (!batch) return { done: true, added: 0 };
  const request = storedRequestSchema.parse(batch.requested);
  if (!request.rest || (batch.status !== "QUEUED" && batch.status !== "RUNNING")) return { done: true, added: 0 };

  const taken = new Set(request.rows.map((row) => row.tiktokSkuId));
  const added: StoredRow[] = [];
  let after: string | null = request.rest.after;
  for (let page = 0; page < pages && after !== null; page++) {
    let review;
    try {
      review = await computeProposals({ organizationId, tiktokConnectionId: request.tiktokConnectionId, cursor: after, limit: pageProducts });
    } catch (error) {
      if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) {
        after = null;
        break;
      }
      throw error;
    }
    if (review.shopifyConnectionId !== request.shopifyConnectionId) {
      after = null;
      break;
    }
    for (const product of review.products) {
      for (const row of product.rows) {
        if (!row.shopify || !row.rule || taken.has(row.tiktokSkuId)) continue;
        taken.add(row.tiktokSkuId);
        added.push({ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify.variantId, rule: row.rule, snapshot: row.snapshot, tiktokProductId: product.tiktokProductId, productTitle: product.title });
      }
    }
    after = review.nextCursor;
    if (request.rows.length + added.length >= MAX_BATCH_ROWS) after = null;
  }
  const rows = [...request.rows, ...added].slice(0, MAX_BATCH_ROWS);
  const { rest: _rest, ...kept } = request;
  const next = { ...kept, rows, ...(after !== null ? { rest: { after } } : {}) };
  // Only while the batch is still waiting to be applied: a finished batch keeps what it applied.
  await db().mappingBatch.updateMany({ where: { id: batchId, organizationId, status: { in: ["QUEUED", "RUNNING"] } }, data: { requested: next } });
  return { done: after === null, added: added.length };
}
