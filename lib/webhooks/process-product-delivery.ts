import { z } from "zod";
import { applyShopifyProductDelete, applyShopifyProductUpdate } from "../catalog/shopify/apply-webhook";
import { applyTikTokProductEvent } from "../catalog/tiktok/apply-product-event";
import { db } from "../db";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import { archiveDeletedMappings, restoreRevivedMappings } from "../mapping/archive-deleted";
import { recordReviewOutcome } from "../product-sync/record-review-outcome";
import type { DeliveryOutcome } from "./process-delivery";

const shopifyBody = z.object({ body: z.object({ id: z.union([z.number(), z.string()]).transform(String), updated_at: z.string().optional() }) });
const tiktokData = z.object({
  data: z.object({ product_id: z.union([z.string(), z.number()]).transform(String), update_time: z.coerce.number().optional() }),
});

/** Catalog webhooks: apply the change to the cached catalog (newer platform data always wins). */
export async function processProductDelivery({ delivery }: { delivery: WebhookDelivery & { connectionId: string } }): Promise<DeliveryOutcome> {
  const connectionId = delivery.connectionId;
  let action: string;
  let shopifyProductId: string | null = null;
  if (delivery.platform === "SHOPIFY") {
    const parsed = shopifyBody.safeParse(delivery.payload);
    if (!parsed.success) return { handled: false, reason: "the delivery has no product id" };
    const { id, updated_at } = parsed.data.body;
    if (delivery.topic === "products/delete") {
      action = (await applyShopifyProductDelete({ connectionId, productId: id })).deleted ? "product deleted" : "already deleted";
    } else {
      const result = await applyShopifyProductUpdate({ connectionId, productId: id, updatedAt: updated_at ?? delivery.receivedAt });
      action = result.applied ? "product updated" : `ignored (${result.reason})`;
      shopifyProductId = id;
    }
  } else {
    const parsed = tiktokData.safeParse(delivery.payload);
    if (!parsed.success) return { handled: false, reason: "the delivery has no product id" };
    action = `product ${await applyTikTokProductEvent({ connectionId, productId: parsed.data.data.product_id, updateTime: parsed.data.data.update_time })}`;
    if (delivery.topic === "PRODUCT_STATUS_CHANGE") {
      const review = await recordReviewOutcome({ connectionId, data: (delivery.payload as { data?: unknown }).data });
      if (review) action = `${action}, ${review}`;
    }
  }
  const connection = await db().connection.findUniqueOrThrow({ where: { id: connectionId }, select: { organizationId: true } });
  await archiveDeletedMappings({ organizationId: connection.organizationId });
  await restoreRevivedMappings({ organizationId: connection.organizationId });
  const created = delivery.platform === "TIKTOK" && delivery.topic === "PRODUCT_CREATION";
  return {
    handled: true,
    action,
    catalogChanged: { organizationId: connection.organizationId, connectionId },
    ...(created && { newProductsIn: { organizationId: connection.organizationId, tiktokConnectionId: connectionId } }),
    ...(shopifyProductId && { shopifyProductChanged: { organizationId: connection.organizationId, shopifyConnectionId: connectionId, shopifyProductId } }),
  };
}
