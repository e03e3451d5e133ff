// The platform calls of the order import, each for one pairing's store.
import { withShopifyClient } from "../connections/shopify-session";
import { withTikTokShop } from "../connections/tiktok-session";
import { orderCancel, orderCreate, ordersBySourceIdentifier, type CreatedShopifyOrder, type ShopifyOrderRef } from "../platforms/shopify/operations/order-import";
import type { ShopifyOrderCreate } from "./build-shopify-order";
import type { ShopifyOrderCancelReason } from "./shopify-cancel-reason";
import { readTikTokSource } from "./shopify-order-source";
import { ORDER_ENDPOINTS } from "./tiktok-endpoints";

export interface TikTokShopRef {
  connectionId: string;
  credentialId: string;
  shopCipher: string;
  shopId: string;
}
export interface ShopifyStoreRef {
  credentialId: string;
  shop: string;
}

export const EXTERNAL_PLATFORM = "SHOPIFY";

/** The order as TikTok has it now, unparsed; null when the shop has no such order. */
export async function fetchTikTokOrder(shop: TikTokShopRef, orderId: string): Promise<unknown | null> {
  const data = await withTikTokShop(shop, (client, accessToken) =>
    client.call({ endpoint: ORDER_ENDPOINTS.getOrders, accessToken, shopCipher: shop.shopCipher, query: { ids: orderId } }),
  );
  return data.orders.find((o) => (o as { id?: unknown })?.id === orderId) ?? null;
}

/** The Shopify order id TikTok keeps for the order (an earlier import wrote it), if any. */
export async function readExternalReference(shop: TikTokShopRef, orderId: string): Promise<string | null> {
  const data = await withTikTokShop(shop, (client, accessToken) =>
    client.call({ endpoint: ORDER_ENDPOINTS.getExternalOrders, accessToken, shopCipher: shop.shopCipher, pathParams: { order_id: orderId }, query: { platform: EXTERNAL_PLATFORM } }),
  );
  return data.external_orders.find((x) => x.platform === EXTERNAL_PLATFORM)?.id ?? null;
}

/** Stores the Shopify order id on the TikTok order (one reference per platform: writing it again replaces it). */
export async function writeExternalReference(shop: TikTokShopRef, options: { orderId: string; shopifyOrderId: string; lineItems: { id: string; originId: string }[] }): Promise<void> {
  const data = await withTikTokShop(shop, (client, accessToken) =>
    client.call({
      endpoint: ORDER_ENDPOINTS.addExternalOrders,
      accessToken,
      shopCipher: shop.shopCipher,
      body: {
        orders: [{
          id: options.orderId,
          external_order: { id: numericId(options.shopifyOrderId), platform: EXTERNAL_PLATFORM, line_items: options.lineItems.map((l) => ({ id: numericId(l.id), origin_id: l.originId })) },
        }],
      },
    }),
  );
  const refused = data.errors[0];
  if (refused) throw new Error(`TikTok refused the external order reference (${refused.code}): ${refused.message}`);
}

/** The Shopify order Ferry made for this TikTok order of this TikTok shop, found by its source identifier. */
export async function findShopifyOrder(store: ShopifyStoreRef, source: { tiktokShopId: string; tiktokOrderId: string }): Promise<ShopifyOrderRef | null> {
  const data = await withShopifyClient(store, (client) => client.run(ordersBySourceIdentifier, { query: `source_identifier:"${source.tiktokOrderId.replace(/"/g, "")}"` }));
  return data.orders.nodes.find((o) => {
    const found = readTikTokSource(o);
    return found?.tiktokOrderId === source.tiktokOrderId && found.tiktokShopId === source.tiktokShopId;
  }) ?? null;
}

/** The order's name ("#1042"), read by id; null when Shopify has no such order. */
export async function readShopifyOrderName(store: ShopifyStoreRef, shopifyOrderId: string): Promise<string | null> {
  const order = await withShopifyClient(store, (client) => client.orderFulfillmentHolds(shopifyOrderId));
  return order?.name ?? null;
}

export type CreateShopifyOrderResult = { ok: true; order: CreatedShopifyOrder } | { ok: false; reason: string };

export async function createShopifyOrder(store: ShopifyStoreRef, input: ShopifyOrderCreate): Promise<CreateShopifyOrderResult> {
  const data = await withShopifyClient(store, (client) => client.run(orderCreate, { order: input.order, options: input.options }));
  const { order, userErrors } = data.orderCreate;
  if (order) return { ok: true, order };
  const reason = userErrors.map((e) => e.message).join("; ") || "Shopify created no order and gave no reason.";
  return { ok: false, reason: `Shopify refused the order: ${reason}` };
}

/** Cancels with restock and no refund (TikTok refunds the buyer). Resolves to Shopify's refusal, if any. */
export async function cancelShopifyOrder(store: ShopifyStoreRef, options: { shopifyOrderId: string; reason: ShopifyOrderCancelReason; note: string }): Promise<string | null> {
  const data = await withShopifyClient(store, (client) => client.run(orderCancel, { orderId: options.shopifyOrderId, reason: options.reason, staffNote: options.note.slice(0, 255) }));
  const refused = data.orderCancel.orderCancelUserErrors;
  if (refused.length === 0) return null;
  if (refused.some((e) => /already been cancel/i.test(e.message))) return null;
  return refused.map((e) => e.message).join("; ");
}

export const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
export const orderGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Order/${id}`);
