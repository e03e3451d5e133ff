import { createHash } from "node:crypto";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { raiseNotification } from "../notifications/raise-notification";

/**
 * Mappings whose Shopify variant or TikTok SKU/product was deleted are archived, never dropped: they
 * stay visible under "Needs attention" with the reason, and the members are notified. Returns how
 * many were archived.
 */
export async function archiveDeletedMappings({ organizationId }: { organizationId: string }): Promise<number> {
  const stale = await db().mapping.findMany({
    where: {
      organizationId,
      status: "ACTIVE",
      OR: [
        { shopifyVariant: { deletedAt: { not: null } } },
        { shopifyVariant: { product: { deletedAt: { not: null } } } },
        { tiktokSku: { product: { deletedAt: { not: null } } } },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, shopifyVariant: { select: { deletedAt: true, title: true, product: { select: { title: true } } } } },
  });
  for (const mapping of stale) {
    const variantGone = mapping.shopifyVariant.deletedAt !== null;
    await db().mapping.updateMany({
      where: { id: mapping.id, status: "ACTIVE" },
      data: {
        status: "ARCHIVED",
        archivedReason: variantGone
          ? `The Shopify variant ${mapping.shopifyVariant.product.title} / ${mapping.shopifyVariant.title} was deleted. Map the TikTok SKU to another variant.`
          : "The product was deleted on one of the platforms.",
      },
    });
  }
  if (stale.length > 0) {
    const message = `${stale.length} mapping${stale.length === 1 ? " was" : "s were"} archived because a product or variant was deleted. See "Needs attention" on Products.`;
    await recordActivity({ organizationId, type: "mapping.archived", level: "WARNING", message });
    const slug = (await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } })).slug;
    // The same archived set seen by a retried step notifies once.
    const dedupeKey = `mapping.archived:${createHash("sha256").update(stale.map((m) => m.id).join(",")).digest("hex").slice(0, 32)}`;
    await raiseNotification({
      organizationId,
      kind: "mapping.archived",
      level: "WARNING",
      title: `${stale.length} ${stale.length === 1 ? "mapping" : "mappings"} archived`,
      body: "A product or variant was deleted. Orders for these SKUs wait until they are mapped again.",
      href: `/${slug}/products?tab=attention`,
      dedupeKey,
    });
  }
  return stale.length;
}

/**
 * Archived mappings whose products and variant are live again (a product restored on TikTok, a
 * Shopify product recreated by a later update) become active again, unless the variant was mapped to
 * another SKU of the shop meanwhile. Returns how many were restored.
 */
export async function restoreRevivedMappings({ organizationId }: { organizationId: string }): Promise<number> {
  const revived = await db().mapping.findMany({
    where: {
      organizationId,
      status: "ARCHIVED",
      shopifyVariant: { deletedAt: null, product: { deletedAt: null } },
      tiktokSku: { product: { deletedAt: null } },
    },
    select: { id: true, tiktokConnectionId: true, shopifyVariantId: true },
  });
  let restored = 0;
  for (const mapping of revived) {
    const taken = await db().mapping.count({ where: { organizationId, tiktokConnectionId: mapping.tiktokConnectionId, shopifyVariantId: mapping.shopifyVariantId, status: "ACTIVE", id: { not: mapping.id } } });
    if (taken > 0) continue;
    restored += (await db().mapping.updateMany({ where: { id: mapping.id, status: "ARCHIVED" }, data: { status: "ACTIVE", archivedReason: null } })).count;
  }
  if (restored > 0) {
    await recordActivity({ organizationId, type: "mapping.restored", level: "SUCCESS", message: `${restored} archived mapping${restored === 1 ? " was" : "s were"} restored: the product or variant is back.` });
  }
  return restored;
}
