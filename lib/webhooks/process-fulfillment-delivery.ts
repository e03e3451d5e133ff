import { z } from "zod";
import { db } from "../db";
import { recordTikTokOrderStatus } from "../fulfillment/record-tiktok-status";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import type { DeliveryOutcome } from "./process-delivery";

export interface ShopifyFulfillmentChanged {
  organizationId: string;
  shopifyConnectionId: string;
  shopifyOrderId: string;
  shopifyFulfillmentId: string;
}

const id = z.union([z.number(), z.string().min(1)]).transform(String);
const fulfillmentSchema = z.object({ body: z.object({ id, order_id: id }) });

/**
 * Shopify fulfillments/create and fulfillments/update name a fulfillment: fulfillment sync reads it
 * fresh and sends its tracking to TikTok (in its own job). TikTok ORDER_STATUS_CHANGE moves the status
 * shown beside tracking Ferry sent.
 */
export async function processFulfillmentDelivery({ delivery }: { delivery: WebhookDelivery & { connectionId: string } }): Promise<DeliveryOutcome> {
  const connection = await db().connection.findUniqueOrThrow({ where: { id: delivery.connectionId }, select: { organizationId: true } });
  if (delivery.platform === "TIKTOK") {
    const data = (delivery.payload as { data?: unknown } | null)?.data;
    const action = await recordTikTokOrderStatus({ organizationId: connection.organizationId, tiktokConnectionId: delivery.connectionId, data });
    return action ? { handled: true, action } : { handled: false, reason: "no tracking sent by Ferry for this order" };
  }
  const parsed = fulfillmentSchema.safeParse(delivery.payload);
  if (!parsed.success) return { handled: false, reason: "the delivery has no fulfillment or order id" };
  return {
    handled: true,
    action: "fulfillment changed",
    shopifyFulfillmentChanged: { organizationId: connection.organizationId, shopifyConnectionId: delivery.connectionId, shopifyOrderId: parsed.data.body.order_id, shopifyFulfillmentId: parsed.data.body.id },
  };
}
