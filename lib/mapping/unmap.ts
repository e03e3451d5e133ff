import { inngest } from "@/inngest/client";
import { productSnapshotsRestoreRequested } from "@/inngest/events";
import { recordActivity } from "../activity/record-activity";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { notFound } from "../errors";

/**
 * "Unmap": removes every mapping of one TikTok product; its SKUs go back to Unmapped Products. A
 * cross-border product is one row for all its markets on Products, so its other markets' local
 * products (same global product, this organization) are unmapped with it.
 */
export async function unmapProduct({ org, tiktokProductId }: { org: OrgContext; tiktokProductId: string }): Promise<{ removed: number }> {
  const product = await db().tikTokProduct.findFirst({
    where: { id: tiktokProductId, organizationId: org.organizationId },
    select: { id: true, title: true, connectionId: true, globalProductId: true },
  });
  if (!product) throw notFound("Product not found.");
  const markets = product.globalProductId
    ? await db().tikTokProduct.findMany({ where: { organizationId: org.organizationId, globalProductId: product.globalProductId }, select: { id: true, connectionId: true } })
    : [];
  const products = [product, ...markets.filter((m) => m.id !== product.id)];
  const removed = await db().$transaction(async (tx) => {
    // The same per-shop lock the batch apply takes (each market's, in id order): an unmap never interleaves with a Map.
    for (const shop of [...new Set(products.map((p) => p.connectionId))].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${shop}`}))`;
    const ids = products.map((p) => p.id);
    const { count } = await tx.mapping.deleteMany({ where: { organizationId: org.organizationId, tiktokSku: { productId: { in: ids } } } });
    await tx.mappingIssue.updateMany({ where: { organizationId: org.organizationId, tiktokProductId: { in: ids }, resolvedAt: null }, data: { resolvedAt: new Date() } });
    return count;
  });
  if (removed > 0) {
    await recordActivity({
      organizationId: org.organizationId,
      type: "mapping.unmapped",
      level: "INFO",
      message: `${product.title} was unmapped (${removed} SKU${removed === 1 ? "" : "s"}). It is back under Unmapped Products.`,
      subjectType: "tiktokProduct",
      subjectId: product.id,
    });
  }
  return { removed };
}

/**
 * Undo a whole "Map": removes the mappings that batch made (later remaps of the same SKUs are kept). Listings
 * that auto-sync overwrote and that are now unmapped are put back from their snapshots in the background.
 */
export async function undoMappingBatch({ org, batchId }: { org: OrgContext; batchId: string }): Promise<{ removed: number; restoring: number }> {
  const batch = await db().mappingBatch.findFirst({ where: { id: batchId, organizationId: org.organizationId }, select: { id: true, status: true, requested: true } });
  if (!batch) throw notFound("Mapping batch not found.");
  const connectionId = (batch.requested as { tiktokConnectionId?: string }).tiktokConnectionId ?? "";
  const { removed, restore } = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${connectionId}`}))`;
    const products = await tx.tikTokSku.findMany({ where: { organizationId: org.organizationId, mapping: { batchId: batch.id } }, select: { productId: true }, distinct: ["productId"] });
    const { count } = await tx.mapping.deleteMany({ where: { organizationId: org.organizationId, batchId: batch.id } });
    const unmapped = await tx.tikTokProduct.findMany({
      where: { organizationId: org.organizationId, id: { in: products.map((p) => p.productId) }, skus: { none: { mapping: { status: "ACTIVE" } } } },
      select: { id: true },
    });
    const snapshots = await tx.productSnapshot.findMany({ where: { organizationId: org.organizationId, tiktokProductId: { in: unmapped.map((p) => p.id) }, restoredAt: null }, select: { tiktokProductId: true } });
    return { removed: count, restore: snapshots.map((s) => s.tiktokProductId) };
  });
  if (restore.length > 0) {
    await inngest.send(productSnapshotsRestoreRequested.create({ organizationId: org.organizationId, batchId: batch.id, tiktokProductIds: restore }, { id: `restore-${batch.id}` }));
  }
  await recordActivity({
    organizationId: org.organizationId,
    type: "mapping.batch_undone",
    level: "WARNING",
    message:
      `A mapping batch was undone: ${removed} mapping${removed === 1 ? "" : "s"} removed. The products are back under Unmapped Products.` +
      (restore.length > 0 ? ` ${restore.length} TikTok listing${restore.length === 1 ? " that auto-sync had overwritten is" : "s that auto-sync had overwritten are"} being put back as they were.` : ""),
    subjectType: "mappingBatch",
    subjectId: batch.id,
  });
  return { removed, restoring: restore.length };
}
