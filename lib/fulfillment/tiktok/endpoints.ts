import { z } from "zod";
import { defineEndpoint } from "../../platforms/tiktok/endpoints";

// The TikTok endpoints fulfillment sync reads and writes (versions as the spec files document them).
// Shipping is a POST that is not safe to send twice blindly: the client retries it only after a rate
// limit (TikTok refused it unread). After a timeout the job retries the whole step, which reads the
// order first and finds the package already shipped with our tracking number.

const lineItemSchema = z.object({
  id: z.string().min(1),
  sku_id: z.string().default(""),
  seller_sku: z.string().nullish(),
  package_id: z.string().nullish(),
  package_status: z.string().nullish(),
  tracking_number: z.string().nullish(),
  shipping_provider_id: z.string().nullish(),
});

export const tiktokFulfillmentOrderSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  update_time: z.number().int().optional(),
  delivery_option_id: z.string().nullish(),
  warehouse_id: z.string().nullish(),
  packages: z.array(z.object({ id: z.string().min(1) })).default([]),
  line_items: z.array(lineItemSchema).default([]),
});
export type TikTokFulfillmentOrder = z.infer<typeof tiktokFulfillmentOrderSchema>;
export type TikTokOrderLineItem = z.infer<typeof lineItemSchema>;

const providerSchema = z.object({ id: z.string().min(1), name: z.string() });
export type TikTokShippingProvider = z.infer<typeof providerSchema>;

export const FULFILLMENT_ENDPOINTS = {
  // Get Order Detail: up to 50 ids; an id of another shop is simply not returned.
  getOrders: defineEndpoint({ method: "GET", path: "/order/202507/orders", shopCipher: "required", data: z.object({ orders: z.array(tiktokFulfillmentOrderSchema).default([]) }) }),
  getWarehouses: defineEndpoint({
    method: "GET",
    path: "/logistics/202309/warehouses",
    shopCipher: "required",
    data: z.object({ warehouses: z.array(z.object({ id: z.string().min(1), name: z.string().default(""), is_default: z.boolean().default(false) })).default([]) }),
  }),
  getDeliveryOptions: defineEndpoint({
    method: "GET",
    path: "/logistics/202309/warehouses/{warehouse_id}/delivery_options",
    shopCipher: "required",
    data: z.object({ delivery_options: z.array(z.object({ id: z.string().min(1), name: z.string().default("") })).default([]) }),
  }),
  getShippingProviders: defineEndpoint({
    method: "GET",
    path: "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers",
    shopCipher: "required",
    data: z.object({ shipping_providers: z.array(providerSchema).default([]) }),
  }),
  // Mark Package As Shipped: US, UK, ES, IE, IT, DE, FR and JP only; `order_line_item_ids` makes a split.
  markPackageShipped: defineEndpoint({
    method: "POST",
    path: "/fulfillment/202309/orders/{order_id}/packages",
    shopCipher: "required",
    data: z.object({ order_id: z.string().optional(), package_id: z.string().min(1), order_line_item_ids: z.array(z.string()).default([]) }),
  }),
  // Ship Package with the seller's own tracking (self_shipment): every market.
  shipPackage: defineEndpoint({ method: "POST", path: "/fulfillment/202309/packages/{package_id}/ship", shopCipher: "required", data: z.unknown() }),
  // Once, within TikTok's edit window after shipping. Not resent blindly: a second call is refused
  // (21011051), so after a timeout the job reads the order to see whether the correction landed.
  updatePackageShippingInfo: defineEndpoint({ method: "POST", path: "/fulfillment/202309/packages/{package_id}/shipping_info/update", shopCipher: "required", data: z.unknown() }),
};
