import { withTikTokToken } from "../../connections/tiktok-session";
import { isTikTokApiError } from "../../platforms/tiktok/errors";
import type { TikTokListing } from "../listing";
import { SYNC_ENDPOINTS } from "./endpoints";
import { globalListing, localListing } from "./listing-mappers";

/** One TikTok shop as product sync calls it: its own cipher, its authorization's tokens. */
export interface TikTokShopRef {
  credentialId: string;
  shopCipher: string;
  currency: string;
}

/**
 * The listing as it will be: while a content edit is under review, TikTok serves the live version and keeps
 * ours pending, so the content is compared with the version under review (else every sync would edit again).
 */
export async function readLocalListing({ shop, productId }: { shop: TikTokShopRef; productId: string }): Promise<TikTokListing> {
  const read = (underReview: boolean) =>
    withTikTokToken(shop.credentialId, (client, accessToken) =>
      client.call({ endpoint: SYNC_ENDPOINTS.getProduct, accessToken, shopCipher: shop.shopCipher, pathParams: { product_id: productId }, query: underReview ? { return_under_review_version: true } : undefined }),
    );
  const live = localListing(await read(false), shop.currency);
  if (live.auditStatus !== "AUDITING") return live;
  try {
    const pending = localListing(await read(true), shop.currency);
    return { ...live, title: pending.title, description: pending.description, mainImages: pending.mainImages };
  } catch (error) {
    // 12052547: no version under review any more (it just passed or failed): the live one is current.
    if (isTikTokApiError(error) && error.code === NO_VERSION_UNDER_REVIEW) return localListing(await read(false), shop.currency);
    throw error;
  }
}

const NO_VERSION_UNDER_REVIEW = 12052547;

/** Global products are read without a shop cipher, with the seller's token. */
export async function readGlobalListing({ credentialId, globalProductId }: { credentialId: string; globalProductId: string }) {
  const data = await withTikTokToken(credentialId, (client, accessToken) =>
    client.call({ endpoint: SYNC_ENDPOINTS.getGlobalProduct, accessToken, pathParams: { global_product_id: globalProductId } }),
  );
  return { listing: globalListing(data), localProductIds: data.products.map((p) => p.id) };
}

export async function editLocalContent({ shop, productId, content }: { shop: TikTokShopRef; productId: string; content: Record<string, unknown> }) {
  return withTikTokToken(shop.credentialId, (client, accessToken) =>
    client.call({ endpoint: SYNC_ENDPOINTS.partialEditProduct, accessToken, shopCipher: shop.shopCipher, pathParams: { product_id: productId }, body: content }),
  );
}

export async function editGlobalContent({ credentialId, globalProductId, content }: { credentialId: string; globalProductId: string; content: Record<string, unknown> }) {
  return withTikTokToken(credentialId, (client, accessToken) =>
    client.call({ endpoint: SYNC_ENDPOINTS.partialEditGlobalProduct, accessToken, pathParams: { global_product_id: globalProductId }, body: content }),
  );
}

export interface PriceWrite {
  id: string;
  price: string;
  listPrice: string | null;
}

export async function updatePrices({ shop, productId, prices }: { shop: TikTokShopRef; productId: string; prices: PriceWrite[] }) {
  const skus = prices.map((p) => ({
    id: p.id,
    price: { amount: p.price, currency: shop.currency },
    // TikTok takes a list price only in USD (US market); the rules only produce one there.
    ...(p.listPrice ? { list_price: { amount: p.listPrice, currency: "USD" } } : {}),
  }));
  await withTikTokToken(shop.credentialId, (client, accessToken) =>
    client.call({ endpoint: SYNC_ENDPOINTS.updatePrice, accessToken, shopCipher: shop.shopCipher, pathParams: { product_id: productId }, body: { skus } }),
  );
}

export async function updateInventory({ shop, productId, skus }: { shop: TikTokShopRef; productId: string; skus: { id: string; inventory: { warehouseId: string; quantity: number }[] }[] }) {
  const body = { skus: skus.map((s) => ({ id: s.id, inventory: s.inventory.map((w) => ({ warehouse_id: w.warehouseId, quantity: w.quantity })) })) };
  const data = await withTikTokToken(shop.credentialId, (client, accessToken) =>
    client.call({ endpoint: SYNC_ENDPOINTS.updateInventory, accessToken, shopCipher: shop.shopCipher, pathParams: { product_id: productId }, body }),
  );
  return data.errors;
}
