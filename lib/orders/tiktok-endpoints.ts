import { z } from "zod";
import { defineEndpoint } from "../platforms/tiktok/endpoints";
import { tiktokItemErrorSchema } from "../platforms/tiktok/schemas";

// The TikTok order endpoints the import calls, versions as the spec files document them. Orders are kept
// as unknown here and parsed one by one (tiktok-order.ts): one malformed order must not hide the others.

const externalOrderSchema = z.object({ id: z.string(), platform: z.string(), line_items: z.array(z.object({ id: z.string(), origin_id: z.string() })).default([]) });

export const ORDER_ENDPOINTS = {
  searchOrders: defineEndpoint({
    method: "POST",
    path: "/order/202309/orders/search",
    shopCipher: "required",
    data: z.object({ next_page_token: z.string().nullish(), total_count: z.number().int().optional(), orders: z.array(z.record(z.string(), z.unknown())).default([]) }),
    // A search only reads.
    idempotent: true,
  }),
  getOrders: defineEndpoint({ method: "GET", path: "/order/202507/orders", shopCipher: "required", data: z.object({ orders: z.array(z.unknown()).default([]) }) }),
  getExternalOrders: defineEndpoint({
    method: "GET",
    path: "/order/202406/orders/{order_id}/external_orders",
    shopCipher: "required",
    data: z.object({ external_orders: z.array(externalOrderSchema).default([]) }),
  }),
  // One reference per platform and order: writing it again replaces it, so a resend changes nothing.
  addExternalOrders: defineEndpoint({
    method: "POST",
    path: "/order/202406/orders/external_orders",
    shopCipher: "required",
    data: z.object({ errors: z.array(tiktokItemErrorSchema).default([]) }).passthrough(),
    idempotent: true,
  }),
};
