import { recordActivity } from "../activity/record-activity";
import { markUninstalled } from "../connections/mark-uninstalled";
import { db } from "../db";
import { upcomingAuthorizationExpirationDataSchema } from "../platforms/tiktok/webhooks";
import { handlePrivacyRequest } from "./handle-privacy-request";
import { processInventoryDelivery } from "./process-inventory-delivery";
import { processProductDelivery } from "./process-product-delivery";

export type DeliveryOutcome =
  | {
      handled: true;
      action: string;
      /** TikTok products may have been created: the job then runs "Auto-map new products" for the shop. */
      newProductsIn?: { organizationId: string; tiktokConnectionId: string };
      /** A Shopify product or its stock changed: the job asks product sync to follow it. */
      shopifyProductChanged?: { organizationId: string; shopifyConnectionId: string; shopifyProductId: string };
    }
  | { handled: false; reason: string };

/** The job side of a webhook: reads the stored delivery and does what its topic asks. Safe to run twice. */
export async function processDelivery({ deliveryId }: { deliveryId: string }): Promise<DeliveryOutcome> {
  const delivery = await db().webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return { handled: false, reason: "delivery no longer stored (pruned or redacted)" };
  const key = `${delivery.platform} ${delivery.topic}`;

  if (key === "SHOPIFY customers/data_request" || key === "SHOPIFY customers/redact" || key === "SHOPIFY shop/redact") {
    return handlePrivacyRequest({ delivery });
  }
  if (!delivery.connectionId) return { handled: false, reason: `no connected store for ${delivery.shop}` };

  switch (key) {
    case "SHOPIFY app/uninstalled": {
      const changed = await markUninstalled({ connectionId: delivery.connectionId, reason: "Ferry was uninstalled from this Shopify store." });
      return { handled: true, action: changed ? "marked uninstalled" : "already uninstalled" };
    }
    case "TIKTOK SELLER_DEAUTHORIZATION": {
      const changed = await markUninstalled({ connectionId: delivery.connectionId, reason: "The seller removed Ferry's authorization on TikTok Shop." });
      return { handled: true, action: changed ? "marked uninstalled" : "already uninstalled" };
    }
    case "TIKTOK UPCOMING_AUTHORIZATION_EXPIRATION": {
      const data = upcomingAuthorizationExpirationDataSchema.safeParse((delivery.payload as { data?: unknown }).data);
      const expiresAt = data.success && data.data.expiration_time ? new Date(data.data.expiration_time * 1000) : new Date(Date.now() + 30 * 86_400_000);
      const connection = await db().connection.update({
        where: { id: delivery.connectionId },
        data: { reauthorizeBy: expiresAt },
        select: { name: true, organizationId: true },
      });
      await recordActivity({
        organizationId: connection.organizationId,
        type: "connections.authorization_expiring",
        level: "WARNING",
        message: `${connection.name}: TikTok Shop says the authorization expires on ${expiresAt.toISOString().slice(0, 10)}. Re-authorize it under Connections to keep orders and listings in sync.`,
        subjectType: "connection",
        subjectId: delivery.connectionId,
      });
      return { handled: true, action: "warned" };
    }
    case "SHOPIFY products/update":
    case "SHOPIFY products/delete":
    case "TIKTOK PRODUCT_CREATION":
    case "TIKTOK PRODUCT_INFORMATION_CHANGE":
    case "TIKTOK PRODUCT_STATUS_CHANGE":
      return processProductDelivery({ delivery: { ...delivery, connectionId: delivery.connectionId } });
    case "SHOPIFY inventory_levels/update":
      return processInventoryDelivery({ delivery: { ...delivery, connectionId: delivery.connectionId } });
    default:
      // Order and fulfillment topics are processed by their own features as they land.
      return { handled: false, reason: `${key} is stored; no handler for it yet` };
  }
}
