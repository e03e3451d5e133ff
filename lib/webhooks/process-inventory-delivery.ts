import { z } from "zod";
import { db } from "../db";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import { shopifyProductOfInventoryItem } from "../product-sync/listings-of-shopify-product";
import type { DeliveryOutcome } from "./process-delivery";

const levelSchema = z.object({ body: z.object({ inventory_item_id: z.union([z.number(), z.string()]).transform(String) }) });

/** Shopify inventory_levels/update: stock moved at a location; the product's TikTok listings follow it. */
export async function processInventoryDelivery({ delivery }: { delivery: WebhookDelivery & { connectionId: string } }): Promise<DeliveryOutcome> {
  const parsed = levelSchema.safeParse(delivery.payload);
  if (!parsed.success) return { handled: false, reason: "the delivery has no inventory item id" };
  const shopifyProductId = await shopifyProductOfInventoryItem({ shopifyConnectionId: delivery.connectionId, inventoryItemId: parsed.data.body.inventory_item_id });
  if (!shopifyProductId) return { handled: true, action: "no cached variant holds that inventory item" };
  const connection = await db().connection.findUniqueOrThrow({ where: { id: delivery.connectionId }, select: { organizationId: true } });
  return { handled: true, action: "stock changed", shopifyProductChanged: { organizationId: connection.organizationId, shopifyConnectionId: delivery.connectionId, shopifyProductId } };
}
