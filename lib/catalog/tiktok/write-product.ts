import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { TikTokProductDetail } from "../../platforms/tiktok/schemas";
import { DELETED_STATUS, productFields, skuFields, type SkuFields } from "./product-fields";
import type { TikTokShopAccess } from "./shop-access";

type Tx = Prisma.TransactionClient;

export interface WriteProductOptions {
  shop: TikTokShopAccess;
  detail: TikTokProductDetail;
  now?: Date;
}

/**
 * Upserts one product and its SKUs from its detail. A row holding a newer TikTok update_time is left alone
 * ("stale"): the conditional update keeps the row locked until the SKUs are written, so a concurrent older
 * write cannot slip in between.
 */
export async function writeProductDetail({ shop, detail, now = new Date() }: WriteProductOptions): Promise<"written" | "stale"> {
  const fields = productFields(detail);
  const data = {
    ...fields,
    detailFetchedAt: now,
    importedAt: now,
    deletedAt: fields.status === DELETED_STATUS ? now : null,
  };
  const skus = skuFields({ detail, fallbackCurrency: shop.currency });
  return db().$transaction(async (tx) => {
    const key = { connectionId: shop.connectionId, externalId: fields.externalId };
    const created = await tx.tikTokProduct.createMany({
      data: [{ ...data, organizationId: shop.organizationId, connectionId: shop.connectionId }],
      skipDuplicates: true,
    });
    if (created.count === 0) {
      const updated = await tx.tikTokProduct.updateMany({ where: { ...key, platformUpdatedAt: { lte: fields.platformUpdatedAt } }, data });
      if (updated.count === 0) return "stale";
    }
    const { id: productId } = await tx.tikTokProduct.findUniqueOrThrow({ where: { connectionId_externalId: key }, select: { id: true } });
    if (created.count === 1) await tx.tikTokSku.createMany({ data: skus.map((s) => skuRow({ shop, productId, sku: s })), skipDuplicates: true });
    else await replaceSkus({ tx, shop, productId, skus });
    return "written";
  });
}

function skuRow({ shop, productId, sku }: { shop: TikTokShopAccess; productId: string; sku: SkuFields }) {
  return { ...sku, organizationId: shop.organizationId, connectionId: shop.connectionId, productId };
}

// SKUs missing from the detail are deleted, except those a mapping still points at: the mapping is archived
// elsewhere and must keep its row.
async function replaceSkus({ tx, shop, productId, skus }: { tx: Tx; shop: TikTokShopAccess; productId: string; skus: SkuFields[] }): Promise<void> {
  for (const sku of skus) {
    await tx.tikTokSku.upsert({
      where: { connectionId_externalId: { connectionId: shop.connectionId, externalId: sku.externalId } },
      create: skuRow({ shop, productId, sku }),
      update: { ...sku, productId },
    });
  }
  await tx.tikTokSku.deleteMany({
    where: { productId, externalId: { notIn: skus.map((s) => s.externalId) }, mapping: { is: null } },
  });
}

export interface MarkDeletedOptions {
  shop: TikTokShopAccess;
  externalId: string;
  /** TikTok's update_time of the deletion (or when we learned of it). */
  updatedAt: Date;
  now?: Date;
}

/** Marks a product deleted unless the row holds a newer update_time; its SKUs stay for the mappings. */
export async function markProductDeleted({ shop, externalId, updatedAt, now = new Date() }: MarkDeletedOptions): Promise<boolean> {
  const { count } = await db().tikTokProduct.updateMany({
    where: { connectionId: shop.connectionId, externalId, platformUpdatedAt: { lte: updatedAt } },
    data: { status: DELETED_STATUS, deletedAt: now, platformUpdatedAt: updatedAt, importedAt: now },
  });
  return count > 0;
}
