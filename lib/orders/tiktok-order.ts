import { z } from "zod";

// The TikTok order as Ferry reads it (Get Order Detail 202507). Parsed strictly for what the import uses,
// so an order TikTok sent without, say, its payment fails here with the field's path and nothing is created.

const amount = z.string().trim().regex(/^\d+(\.\d+)?$/, "an amount such as 12.50");
const optionalAmount = amount.or(z.literal("")).optional().transform((v) => (v ? v : "0"));

export const tiktokOrderLineSchema = z.object({
  id: z.string().min(1),
  sku_id: z.string().min(1),
  product_id: z.string().default(""),
  product_name: z.string().default(""),
  seller_sku: z.string().default(""),
  sku_name: z.string().default(""),
  original_price: amount,
  sale_price: amount,
  seller_discount: optionalAmount,
  platform_discount: optionalAmount,
  currency: z.string().optional(),
  is_gift: z.boolean().optional(),
});
export type TikTokOrderLine = z.infer<typeof tiktokOrderLineSchema>;

const districtSchema = z.object({ address_level_name: z.string().optional(), address_name: z.string().optional(), address_level: z.string().optional() });

export const tiktokAddressSchema = z.object({
  name: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone_number: z.string().optional(),
  address_line1: z.string().optional(),
  address_line2: z.string().optional(),
  address_line3: z.string().optional(),
  address_line4: z.string().optional(),
  postal_code: z.string().optional(),
  region_code: z.string().optional(),
  district_info: z.array(districtSchema).default([]),
});
export type TikTokAddress = z.infer<typeof tiktokAddressSchema>;

export const tiktokPaymentSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO currency code"),
  sub_total: amount,
  shipping_fee: optionalAmount,
  seller_discount: optionalAmount,
  platform_discount: optionalAmount,
  tax: optionalAmount,
  total_amount: amount,
  original_total_product_price: optionalAmount,
  original_shipping_fee: optionalAmount,
  retail_delivery_fee: optionalAmount,
});
export type TikTokPayment = z.infer<typeof tiktokPaymentSchema>;

export const TIKTOK_ORDER_STATUSES = [
  "UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED",
] as const;
export type TikTokOrderStatus = (typeof TIKTOK_ORDER_STATUSES)[number];

export const tiktokOrderSchema = z.object({
  id: z.string().min(1),
  status: z.enum(TIKTOK_ORDER_STATUSES),
  create_time: z.number().int(),
  update_time: z.number().int(),
  buyer_email: z.string().optional(),
  buyer_message: z.string().optional(),
  // Not available under UNPAID and ON_HOLD.
  recipient_address: tiktokAddressSchema.nullish(),
  payment: tiktokPaymentSchema,
  is_sample_order: z.boolean().optional(),
  is_replacement_order: z.boolean().optional(),
  cancel_reason: z.string().optional(),
  // BUYER, SELLER or SYSTEM; read as text so a new value never makes the order unreadable.
  cancellation_initiator: z.string().optional(),
  delivery_option_name: z.string().optional(),
  line_items: z.array(tiktokOrderLineSchema).min(1, "an order has at least one line item"),
});
export type TikTokOrder = z.infer<typeof tiktokOrderSchema>;

/** The order, or the reason it cannot be read (field paths, never values: they may be personal data). */
export function parseTikTokOrder(raw: unknown): { ok: true; order: TikTokOrder } | { ok: false; reason: string } {
  const parsed = tiktokOrderSchema.safeParse(raw);
  if (parsed.success) return { ok: true, order: parsed.data };
  const fields = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "order"}: ${i.message}`);
  return { ok: false, reason: `TikTok sent the order in a form Ferry cannot read (${fields.join("; ")}).` };
}
