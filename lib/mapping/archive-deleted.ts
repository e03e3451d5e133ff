import { recordActivity } from "../activity/record-activity";
import { db } from "../db";

/**
 * Mappings whose Shopify variant or TikTok SKU/product was deleted are archived, never dropped: they
 * stay visible under "Needs attention" with the reason and can be restored or remapped.
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
    select: { id: true, shopifyVariant: { select: { deletedAt: true, title: true, product: { select: { title: true } } } }, tiktokSku: { select: { sellerSku: true } } },
  });
  for (const mapping of stale) {
    const variantGone = mapping.shopifyVariant.deletedAt !== null;
    await db().mapping.update({
      where: { id: mapping.id },
      data: {
        status: "ARCHIVED",
        archivedReason: variantGone
          ? `The Shopify variant ${mapping.shopifyVariant.product.title} / ${mapping.shopifyVariant.title} was deleted. Map the TikTok SKU to another variant.`
          : "The product was deleted on one of the platforms.",
      },
    });
  }
  if (stale.length > 0) {
    await recordActivity({
      organizationId,
      type: "mapping.archived",
      level: "WARNING",
      message: `${stale.length} mapping${stale.length === 1 ? " was" : "s were"} archived because a product or variant was deleted. See "Needs attention" on Products.`,
    });
  }
  return stale.length;
}
