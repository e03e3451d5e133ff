import { z } from "zod";
import { db } from "../db";

// ORDER_STATUS_CHANGE data: `order_status` is spelled CANCEL for a cancelled order (the webhook guide).
const statusChangeSchema = z.object({
  order_id: z.union([z.string(), z.number()]).transform(String),
  order_status: z.string().min(1),
  update_time: z.coerce.number().int().optional(),
});

/**
 * TikTok's order status after Ferry sent its tracking (AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, …),
 * from an ORDER_STATUS_CHANGE webhook. Only the shop's own rows; an older event never overwrites a newer one.
 * Answers what it did, or null when Ferry sent no tracking for the order.
 */
export async function recordTikTokOrderStatus({ organizationId, tiktokConnectionId, data }: { organizationId: string; tiktokConnectionId: string; data: unknown }): Promise<string | null> {
  const parsed = statusChangeSchema.safeParse(data);
  if (!parsed.success) return null;
  const { order_id, order_status, update_time } = parsed.data;
  const status = order_status === "CANCEL" ? "CANCELLED" : order_status;
  const at = update_time ? new Date(update_time * 1000) : new Date();
  const { count } = await db().orderFulfillment.updateMany({
    where: { organizationId, tiktokConnectionId, tiktokOrderId: order_id, OR: [{ tiktokStatusAt: null }, { tiktokStatusAt: { lte: at } }] },
    data: { tiktokStatus: status, tiktokStatusAt: at },
  });
  return count > 0 ? `fulfillment status ${status}` : null;
}
