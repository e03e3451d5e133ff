import { z } from "zod";
import { db } from "../db";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import type { DeliveryOutcome } from "./process-delivery";

const orderData = z.object({
  data: z.object({ order_id: z.union([z.string().min(1).max(40), z.number()]).transform(String), update_time: z.coerce.number().int().optional() }),
});

/** TikTok ORDER_STATUS_CHANGE: the notification carries only ids and a status; the order import reads the order itself. */
export async function processOrderDelivery({ delivery }: { delivery: WebhookDelivery & { connectionId: string } }): Promise<DeliveryOutcome> {
  const parsed = orderData.safeParse(delivery.payload);
  if (!parsed.success) return { handled: false, reason: "the delivery has no order id" };
  const connection = await db().connection.findUniqueOrThrow({ where: { id: delivery.connectionId }, select: { organizationId: true, platform: true } });
  if (connection.platform !== "TIKTOK") return { handled: false, reason: "not a TikTok shop" };
  return {
    handled: true,
    action: "order change queued",
    tiktokOrderChanged: {
      organizationId: connection.organizationId,
      tiktokConnectionId: delivery.connectionId,
      tiktokOrderId: parsed.data.data.order_id,
      updateTime: parsed.data.data.update_time ?? null,
    },
  };
}
