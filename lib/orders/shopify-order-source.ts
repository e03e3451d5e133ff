// How a Shopify order that Ferry created from a TikTok order says where it came from. The importer
// writes these fields; fulfillment sync reads them back from the Shopify order a fulfillment belongs
// to, so both sides agree on one convention.
//
// `sourceIdentifier` is the TikTok order id (TikTok order ids are unique across shops); the TikTok
// shop id travels as a custom attribute so a Shopify store that serves several TikTok shops can tell
// which one the order belongs to without another lookup.

export const TIKTOK_SOURCE_NAME = "tiktok";
export const TIKTOK_ORDER_TAG = "TikTok";
export const TIKTOK_SHOP_ATTRIBUTE = "TikTok shop id";
export const TIKTOK_ORDER_ATTRIBUTE = "TikTok order id";

export type ShopifyOrderSource = { tiktokShopId: string; tiktokOrderId: string };

export function tiktokOrderAttributes(source: ShopifyOrderSource): { key: string; value: string }[] {
  return [
    { key: TIKTOK_SHOP_ATTRIBUTE, value: source.tiktokShopId },
    { key: TIKTOK_ORDER_ATTRIBUTE, value: source.tiktokOrderId },
  ];
}

/** The TikTok order behind a Shopify order, or null when Ferry did not create it. */
export function readTikTokSource(order: {
  sourceName?: string | null;
  sourceIdentifier?: string | null;
  customAttributes?: { key: string; value?: string | null }[] | null;
}): ShopifyOrderSource | null {
  if (order.sourceName !== TIKTOK_SOURCE_NAME || !order.sourceIdentifier) return null;
  const shopId = order.customAttributes?.find((a) => a.key === TIKTOK_SHOP_ATTRIBUTE)?.value;
  if (!shopId) return null;
  return { tiktokShopId: shopId, tiktokOrderId: order.sourceIdentifier };
}
