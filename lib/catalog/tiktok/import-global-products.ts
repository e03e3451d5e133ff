import { withTikTokToken } from "../../connections/tiktok-session";
import { db } from "../../db";
import { TIKTOK_ENDPOINTS } from "../../platforms/tiktok/endpoints";
import { isSearchCapExceeded, SEARCH_PAGE_SIZE } from "./catalog-api";
import { fromUnixSeconds } from "./product-fields";
import { advanceSearchCursor, searchCapExceeded, searchFilters, startSearchCursor, TIKTOK_SEARCH_CAP, type SearchCursor } from "./search-windows";

export interface ImportGlobalProductsOptions {
  organizationId: string;
  connectionId: string;
  /** The catalog import these calls count towards. */
  importId: string;
  searchCap?: number;
}

/**
 * Cross-border sellers: reads the seller's global products (Search Global Products, seller-level, no
 * shop cipher) in the same update-time windows as the local search, so more than 10,000 are read
 * completely, and keeps one TikTokGlobalProduct row each (title, status, SKU count), never letting
 * an older update_time overwrite a newer row. The local products, one per market, come from each
 * market's own import and name their global product. A local seller's shop reads nothing.
 */
export async function importGlobalProducts({ organizationId, connectionId, importId, searchCap = TIKTOK_SEARCH_CAP }: ImportGlobalProductsOptions): Promise<{ calls: number; globalProducts: number }> {
  const shop = await db().connection.findFirst({ where: { id: connectionId, organizationId, platform: "TIKTOK", status: "ACTIVE" }, select: { credentialId: true, sellerType: true } });
  if (!shop || shop.sellerType !== "CROSS_BORDER") return { calls: 0, globalProducts: 0 };
  const { credentialId } = shop;
  let cursor: SearchCursor | null = startSearchCursor();
  let calls = 0;
  let seen = 0;
  while (cursor) {
    const current: SearchCursor = cursor;
    calls++;
    let page;
    try {
      page = await withTikTokToken(credentialId, (client, accessToken) =>
        client.call({
          endpoint: TIKTOK_ENDPOINTS.searchGlobalProducts,
          accessToken,
          query: { page_size: SEARCH_PAGE_SIZE, page_token: current.pageToken ?? undefined },
          body: searchFilters(current),
        }),
      );
    } catch (error) {
      if (!isSearchCapExceeded(error)) throw error;
      cursor = searchCapExceeded(current);
      continue;
    }
    for (const product of page.global_products) {
      const updatedAt = fromUnixSeconds(product.update_time ?? 0);
      const data = { title: product.title, status: product.status, skuCount: product.skus.length, platformUpdatedAt: updatedAt, importedAt: new Date() };
      // Newer only: a row whose stored update time is later keeps its data.
      const { count } = await db().tikTokGlobalProduct.updateMany({ where: { credentialId, externalId: product.id, organizationId, platformUpdatedAt: { lte: updatedAt } }, data });
      if (count === 0) {
        await db().tikTokGlobalProduct.createMany({ data: [{ organizationId, credentialId, externalId: product.id, ...data }], skipDuplicates: true });
      }
      seen++;
    }
    cursor = advanceSearchCursor({ cursor: current, cap: searchCap, page: { updateTimes: page.global_products.map((p) => p.update_time ?? 0), totalCount: page.total_count, nextPageToken: page.next_page_token } }).cursor;
  }
  await db().catalogImport.updateMany({ where: { id: importId, organizationId, connectionId }, data: { apiCalls: { increment: calls } } });
  return { calls, globalProducts: seen };
}
