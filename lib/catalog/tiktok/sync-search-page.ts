import { db } from "../../db";
import type { TikTokSearchProduct } from "../../platforms/tiktok/schemas";
import { getProductDetail } from "./catalog-api";
import { DELETED_STATUS, fromUnixSeconds } from "./product-fields";
import { mapConcurrent } from "./map-concurrent";
import type { TikTokShopAccess } from "./shop-access";
import { markProductDeleted, writeProductDetail } from "./write-product";

// Detail reads in flight at once. One by default: the embedded database (PGlite behind a socket server)
// mixes up statements from concurrent connections ("unnamed prepared statement does not exist"). The rate
// limiter, not this, keeps calls under TikTok's limit; on PostgreSQL a few in flight hide the latency.
export const DEFAULT_DETAIL_CONCURRENCY = 1;

export interface SyncSearchPageOptions {
  shop: TikTokShopAccess;
  products: TikTokSearchProduct[];
  detailConcurrency?: number;
  now?: Date;
}

/**
 * Brings one search page into the cache. identifier_code (and the sales attributes and images) exist only
 * in product detail, so detail is read for products that are new or whose update_time moved since we
 * stored them, and for nothing else. Every product seen gets `importedAt`, which a full import uses to
 * find the products TikTok no longer lists.
 */
export async function syncSearchPage({ shop, products, detailConcurrency = DEFAULT_DETAIL_CONCURRENCY, now = new Date() }: SyncSearchPageOptions): Promise<{ detailCalls: number }> {
  const stored = await db().tikTokProduct.findMany({
    where: { connectionId: shop.connectionId, externalId: { in: products.map((p) => p.id) } },
    select: { externalId: true, platformUpdatedAt: true, detailFetchedAt: true },
  });
  const byId = new Map(stored.map((row) => [row.externalId, row]));
  const seenOnly: string[] = [];
  const deleted: TikTokSearchProduct[] = [];
  const needDetail: TikTokSearchProduct[] = [];
  for (const product of products) {
    const row = byId.get(product.id);
    const updatedAt = fromUnixSeconds(product.update_time).getTime();
    const current = row && (row.platformUpdatedAt.getTime() > updatedAt || (row.platformUpdatedAt.getTime() === updatedAt && row.detailFetchedAt !== null));
    if (current) seenOnly.push(product.id);
    // A deleted product needs no detail; one we never stored is not worth a row.
    else if (product.status === DELETED_STATUS) {
      if (row) deleted.push(product);
    } else needDetail.push(product);
  }

  if (seenOnly.length > 0) {
    await db().tikTokProduct.updateMany({ where: { connectionId: shop.connectionId, externalId: { in: seenOnly } }, data: { importedAt: now } });
  }
  for (const product of deleted) await markProductDeleted({ shop, externalId: product.id, updatedAt: fromUnixSeconds(product.update_time), now });
  await mapConcurrent({
    items: needDetail,
    concurrency: detailConcurrency,
    work: async (product) => {
      const detail = await getProductDetail({ shop, productId: product.id });
      if (detail) await writeProductDetail({ shop, detail, now });
      else await markProductDeleted({ shop, externalId: product.id, updatedAt: fromUnixSeconds(product.update_time), now });
    },
  });
  return { detailCalls: needDetail.length };
}
