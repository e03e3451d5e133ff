import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { badRequest, notFound } from "../errors";
import { batchFailureSchema, MAX_BATCH_ROWS, requestedRowSchema, restSelectionSchema, storedRequestSchema, type BatchFailure, type StoredRequest, type StoredRow } from "./batch-rows";
import { getPairedStoresOrThrow } from "./compute-proposals";
import { expandMappingBatch } from "./expand-mapping-batch";
import { judgeRow, REFUSALS, type RefusalCode } from "./judge-row";
import { mapOtherMarkets, otherMarkets } from "./map-other-markets";
import { readCurrentRows } from "./read-current-rows";
import { writeMappingIssues } from "./write-mapping-issues";

const CHUNK = 1_000;

export interface CreateMappingBatchOptions {
  org: { organizationId: string; userId: string };
  tiktokConnectionId: string;
  /** Untrusted (the request body): parsed here. */
  rows: unknown;
  /** Untrusted: "select all" beyond the opened pages (see restSelectionSchema). */
  rest?: unknown;
}

/**
 * Stores the checked rows of a review as a QUEUED batch. Every SKU must belong to this
 * organization's TikTok shop and every variant to its paired Shopify store; one foreign id refuses
 * the whole request as not found, and nothing is written.
 */
export async function createMappingBatch({ org, tiktokConnectionId, rows, rest: rawRest }: CreateMappingBatchOptions): Promise<{ batchId: string; rows: number }> {
  const parsed = requestedRowSchema.array().max(MAX_BATCH_ROWS).safeParse(rows);
  if (!parsed.success) throw badRequest("The rows to map are not valid.", parsed.error.issues.slice(0, 5));
  const rest = rawRest === undefined ? undefined : restSelectionSchema.safeParse(rawRest);
  if (rest && !rest.success) throw badRequest("The selection is not valid.", rest.error.issues.slice(0, 5));
  const requested = parsed.data;
  if (requested.length === 0 && !rest) throw badRequest("Check at least one proposal.");
  const skuIds = requested.map((row) => row.tiktokSkuId);
  if (new Set(skuIds).size !== skuIds.length) throw badRequest("A TikTok SKU can be mapped only once per batch.");
  const { organizationId } = org;
  const { shopify } = await getPairedStoresOrThrow({ organizationId, tiktokConnectionId });

  const variantIds = [...new Set(requested.map((row) => row.shopifyVariantId))];
  // Looked up by primary key only, the tenant compared here (see read-current-rows.ts for why).
  const [foundSkus, foundVariants] = requested.length === 0 ? [[], []] : await Promise.all([
    db().$queryRaw<{ id: string; productId: string; title: string; organizationId: string; connectionId: string }[]>`
      SELECT s.id, s."productId", p.title, s."organizationId", s."connectionId"
      FROM "TikTokSku" s JOIN "TikTokProduct" p ON p.id = s."productId" WHERE s.id = ANY(${skuIds}::text[])`,
    db().$queryRaw<{ organizationId: string; connectionId: string }[]>`
      SELECT "organizationId", "connectionId" FROM "ShopifyVariant" WHERE id = ANY(${variantIds}::text[])`,
  ]);
  const skus = foundSkus.filter((sku) => sku.organizationId === organizationId && sku.connectionId === tiktokConnectionId);
  const variants = foundVariants.filter((variant) => variant.organizationId === organizationId && variant.connectionId === shopify.id);
  if (skus.length !== skuIds.length || variants.length !== variantIds.length) throw notFound("Some of these TikTok SKUs or Shopify variants were not found.");

  const products = new Map(skus.map((sku) => [sku.id, sku]));
  const stored: StoredRequest = {
    tiktokConnectionId,
    shopifyConnectionId: shopify.id,
    rows: requested.map((row) => ({ ...row, tiktokProductId: products.get(row.tiktokSkuId)!.productId, productTitle: products.get(row.tiktokSkuId)!.title })),
    ...(rest?.data ? { rest: rest.data } : {}),
  };
  const batch = await db().mappingBatch.create({
    data: { organizationId, createdById: org.userId, status: "QUEUED", requested: stored },
    select: { id: true },
  });
  return { batchId: batch.id, rows: requested.length };
}

export interface MappingBatchSummary {
  batchId: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  mappedProducts: number;
  mappedSkus: number;
  failures: BatchFailure[];
}

/**
 * Writes the batch's mappings in chunks, each validated by one query and written in one
 * transaction under a per-shop lock. Idempotent: a finished batch is returned as it is, and a
 * re-run after a crash counts the rows it already wrote instead of writing them again. Rows whose
 * catalog changed since the review are refused with a reason and a fix per TikTok product.
 */
export async function applyMappingBatch({ organizationId, batchId }: { organizationId: string; batchId: string }): Promise<MappingBatchSummary> {
  const batch = await db().mappingBatch.findFirst({ where: { id: batchId, organizationId } });
  if (!batch) throw notFound("Mapping batch not found.");
  if (batch.status === "SUCCEEDED" || batch.status === "FAILED") {
    const { id, status, mappedProducts, mappedSkus } = batch;
    return { batchId: id, status, mappedProducts, mappedSkus, failures: batchFailureSchema.array().parse(batch.failures) };
  }
  // "Select all" beyond the opened pages: the job normally expands it in steps of its own first.
  while (!(await expandMappingBatch({ organizationId, batchId })).done);
  const expanded = await db().mappingBatch.findFirst({ where: { id: batchId, organizationId }, select: { requested: true } });
  const request = storedRequestSchema.parse(expanded!.requested);
  await db().mappingBatch.updateMany({ where: { id: batchId, organizationId }, data: { status: "RUNNING" } });

  const tiktok = await db().connection.findFirst({ where: { id: request.tiktokConnectionId, organizationId }, select: { pairedShopifyId: true } });
  const paired = tiktok?.pairedShopifyId === request.shopifyConnectionId;
  const mapped: StoredRow[] = [];
  const refused: { row: StoredRow; code: RefusalCode }[] = [];
  const variantsTaken = new Set<string>();
  // Cross-border: each mapped global SKU is mapped in the organization's other markets too.
  const markets = paired ? await otherMarkets({ organizationId, tiktokConnectionId: request.tiktokConnectionId, shopifyConnectionId: request.shopifyConnectionId }) : [];
  let otherMarketSkus = 0;

  for (let i = 0; i < request.rows.length; i += CHUNK) {
    const chunk = request.rows.slice(i, i + CHUNK);
    if (!paired) {
      refused.push(...chunk.map((row) => ({ row, code: "PAIRING_CHANGED" as const })));
      continue;
    }
    await db().$transaction(async (tx) => {
      // Serializes applies per TikTok shop across instances: "variant already mapped" stays true.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${request.tiktokConnectionId}`}))`;
      const current = await readCurrentRows({ tx, organizationId, ...request, rows: chunk });
      const toWrite: StoredRow[] = [];
      chunk.forEach((row, index) => {
        const judgement = judgeRow({ row, current: current[index]!, batchId, variantsTaken });
        if (judgement.kind === "refuse") return void refused.push({ row, code: judgement.code });
        variantsTaken.add(row.shopifyVariantId);
        if (judgement.kind === "map") toWrite.push(row);
        mapped.push(row);
      });
      if (toWrite.length === 0) return;
      await tx.mapping.createMany({
        data: toWrite.map((row) => ({
          organizationId,
          tiktokConnectionId: request.tiktokConnectionId,
          shopifyConnectionId: request.shopifyConnectionId,
          tiktokSkuId: row.tiktokSkuId,
          shopifyVariantId: row.shopifyVariantId,
          rule: row.rule,
          batchId,
          createdById: batch.createdById,
        })),
      });
      otherMarketSkus += await mapOtherMarkets({ tx, organizationId, shopifyConnectionId: request.shopifyConnectionId, markets, mapped: toWrite, batchId, createdById: batch.createdById });
    });
  }

  const failures = groupFailures(refused);
  const mappedProductIds = new Set(mapped.map((row) => row.tiktokProductId));
  const mappedProducts = mappedProductIds.size;
  // The final status and the issues in one transaction: a crash leaves neither or both, and a re-run
  // of a finished batch (which returns early) never loses them. The shop's lock orders issue writes.
  const finished = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${request.tiktokConnectionId}`}))`;
    const updated = await tx.mappingBatch.updateMany({
      where: { id: batchId, organizationId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "SUCCEEDED", mappedProducts, mappedSkus: mapped.length, failures, finishedAt: new Date() },
    });
    if (updated.count === 1) {
      const failed = new Set(failures.map((failure) => failure.tiktokProductId));
      await writeMappingIssues({ tx, organizationId, tiktokConnectionId: request.tiktokConnectionId, batchId, failures, resolvedProductIds: [...mappedProductIds].filter((id) => !failed.has(id)) });
    }
    return updated;
  });
  if (finished.count === 1) {
    await recordActivity({
      organizationId,
      type: "mapping.batch_applied",
      level: failures.length > 0 ? "WARNING" : "SUCCESS",
      message:
        `Bulk auto-map: ${mappedProducts} ${mappedProducts === 1 ? "product" : "products"} mapped, ${failures.length} failed.` +
        (otherMarketSkus > 0 ? ` The same global SKUs were mapped in the other markets too (${otherMarketSkus} SKUs).` : ""),
      subjectType: "mappingBatch",
      subjectId: batchId,
    });
  }
  return { batchId, status: "SUCCEEDED", mappedProducts, mappedSkus: mapped.length, failures };
}

function groupFailures(refused: { row: StoredRow; code: RefusalCode }[]): BatchFailure[] {
  const byProduct = new Map<string, { title: string; skuIds: string[]; codes: RefusalCode[] }>();
  for (const { row, code } of refused) {
    const entry = byProduct.get(row.tiktokProductId) ?? { title: row.productTitle, skuIds: [], codes: [] };
    entry.skuIds.push(row.tiktokSkuId);
    if (!entry.codes.includes(code)) entry.codes.push(code);
    byProduct.set(row.tiktokProductId, entry);
  }
  return [...byProduct].map(([tiktokProductId, entry]) => ({
    tiktokProductId,
    title: entry.title,
    tiktokSkuIds: entry.skuIds,
    reason: entry.codes.map((code) => REFUSALS[code].reason).join(" "),
    fix: entry.codes.map((code) => REFUSALS[code].fix).join(" "),
  }));
}
