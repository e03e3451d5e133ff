import { withTikTokShop } from "../../connections/tiktok-session";
import { FULFILLMENT_ENDPOINTS, type TikTokFulfillmentOrder, type TikTokShippingProvider } from "./endpoints";

/** One TikTok shop as fulfillment sync calls it. */
export interface FulfillmentShop {
  connectionId: string;
  credentialId: string;
  shopCipher: string;
}

function call<T>(shop: FulfillmentShop, run: Parameters<typeof withTikTokShop<T>>[1]): Promise<T> {
  return withTikTokShop({ credentialId: shop.credentialId, connectionId: shop.connectionId }, run);
}

/** The order as Get Order Detail returns it, or null when the shop has no such order. */
export async function readTikTokOrder(shop: FulfillmentShop, orderId: string): Promise<TikTokFulfillmentOrder | null> {
  return (await readTikTokOrders(shop, [orderId])).find((o) => o.id === orderId) ?? null;
}

/** Up to 50 orders in one Get Order Detail call; ids the shop does not have are left out. */
export async function readTikTokOrders(shop: FulfillmentShop, orderIds: string[]): Promise<TikTokFulfillmentOrder[]> {
  if (orderIds.length > 50) throw new Error("Get Order Detail takes at most 50 order ids");
  const data = await call(shop, (client, accessToken) => client.call({ endpoint: FULFILLMENT_ENDPOINTS.getOrders, accessToken, shopCipher: shop.shopCipher, query: { ids: orderIds.join(",") } }));
  return data.orders;
}

export async function shippingProvidersOf(shop: FulfillmentShop, deliveryOptionId: string): Promise<TikTokShippingProvider[]> {
  const data = await call(shop, (client, accessToken) =>
    client.call({ endpoint: FULFILLMENT_ENDPOINTS.getShippingProviders, accessToken, shopCipher: shop.shopCipher, pathParams: { delivery_option_id: deliveryOptionId } }),
  );
  return data.shipping_providers;
}

/** The carriers of the shop's default warehouse's first delivery option (what the Carriers settings list). */
export async function defaultShippingProviders(shop: FulfillmentShop): Promise<TikTokShippingProvider[]> {
  const { warehouses } = await call(shop, (client, accessToken) => client.call({ endpoint: FULFILLMENT_ENDPOINTS.getWarehouses, accessToken, shopCipher: shop.shopCipher }));
  const warehouse = warehouses.find((w) => w.is_default) ?? warehouses[0];
  if (!warehouse) return [];
  const { delivery_options } = await call(shop, (client, accessToken) =>
    client.call({ endpoint: FULFILLMENT_ENDPOINTS.getDeliveryOptions, accessToken, shopCipher: shop.shopCipher, pathParams: { warehouse_id: warehouse.id } }),
  );
  const option = delivery_options[0];
  return option ? shippingProvidersOf(shop, option.id) : [];
}

export interface Tracking {
  trackingNumber: string;
  shippingProviderId: string;
}

/** Ships the open package with the seller's tracking (every market). */
export async function shipTikTokPackage(shop: FulfillmentShop, packageId: string, tracking: Tracking): Promise<void> {
  await call(shop, (client, accessToken) =>
    client.call({
      endpoint: FULFILLMENT_ENDPOINTS.shipPackage,
      accessToken,
      shopCipher: shop.shopCipher,
      pathParams: { package_id: packageId },
      body: { handover_method: "DROP_OFF", self_shipment: { tracking_number: tracking.trackingNumber, shipping_provider_id: tracking.shippingProviderId } },
    }),
  );
}

/** Ships these line items as a new package (a split); answers the new package's id. */
export async function markTikTokItemsShipped(shop: FulfillmentShop, orderId: string, lineItemIds: string[], tracking: Tracking): Promise<string> {
  const data = await call(shop, (client, accessToken) =>
    client.call({
      endpoint: FULFILLMENT_ENDPOINTS.markPackageShipped,
      accessToken,
      shopCipher: shop.shopCipher,
      pathParams: { order_id: orderId },
      body: { order_line_item_ids: lineItemIds, tracking_number: tracking.trackingNumber, shipping_provider_id: tracking.shippingProviderId },
    }),
  );
  return data.package_id;
}

export async function updateTikTokPackageTracking(shop: FulfillmentShop, packageId: string, tracking: Tracking): Promise<void> {
  await call(shop, (client, accessToken) =>
    client.call({
      endpoint: FULFILLMENT_ENDPOINTS.updatePackageShippingInfo,
      accessToken,
      shopCipher: shop.shopCipher,
      pathParams: { package_id: packageId },
      body: { tracking_number: tracking.trackingNumber, shipping_provider_id: tracking.shippingProviderId },
    }),
  );
}
