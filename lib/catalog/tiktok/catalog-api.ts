import { withTikTokShop } from "../../connections/tiktok-session";
import { TIKTOK_ENDPOINTS } from "../../platforms/tiktok/endpoints";
import { isTikTokApiError } from "../../platforms/tiktok/errors";
import type { TikTokProductDetail, TikTokSearchProductsData } from "../../platforms/tiktok/schemas";
import type { TikTokShopAccess } from "./shop-access";

export const SEARCH_PAGE_SIZE = 100;
export const SEARCH_CAP_EXCEEDED = 12052180;
// Get Product answers these for a product that is gone or not in this shop.
const PRODUCT_GONE = new Set([12052032, 12052048]);

// Pacing under TikTok's per-endpoint rate limit is the client's (its limiter), shared by every caller.
export interface CatalogCallOptions {
  shop: TikTokShopAccess;
}

export async function searchProductsPage({ shop, filters, pageToken }: CatalogCallOptions & { filters: Record<string, number>; pageToken: string | null }): Promise<TikTokSearchProductsData> {
  return withTikTokShop(shop, (client, accessToken) =>
    client.call({
      endpoint: TIKTOK_ENDPOINTS.searchProducts,
      accessToken,
      shopCipher: shop.shopCipher,
      query: { page_size: SEARCH_PAGE_SIZE, page_token: pageToken ?? undefined },
      body: { status: "ALL", ...filters },
    }),
  );
}

/** The product's detail, or null when TikTok says it no longer exists in this shop. */
export async function getProductDetail({ shop, productId }: CatalogCallOptions & { productId: string }): Promise<TikTokProductDetail | null> {
  try {
    return await withTikTokShop(shop, (client, accessToken) =>
      client.call({ endpoint: TIKTOK_ENDPOINTS.getProduct, accessToken, shopCipher: shop.shopCipher, pathParams: { product_id: productId } }),
    );
  } catch (error) {
    if (isTikTokApiError(error) && error.code !== null && PRODUCT_GONE.has(error.code)) return null;
    throw error;
  }
}

export function isSearchCapExceeded(error: unknown): boolean {
  return isTikTokApiError(error) && error.code === SEARCH_CAP_EXCEEDED;
}
