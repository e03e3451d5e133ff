import { db } from "../db";
import { handleLifecycleDelivery, LIFECYCLE_TOPICS } from "./handle-lifecycle-delivery";
import { handlePrivacyRequest } from "./handle-privacy-request";
import { processFulfillmentDelivery, type ShopifyFulfillmentChanged } from "./process-fulfillment-delivery";
import { processInventoryDelivery } from "./process-inventory-delivery";
import { processOrderDelivery } from "./process-order-delivery";
import { processProductDelivery } from "./process-product-delivery";

export type DeliveryOutcome =
  | {
      handled: true;
      action: string;
      /** TikTok products may have been created: the job then runs "Auto-map new products" for the shop. */
      newProductsIn?: { organizationId: string; tiktokConnectionId: string };
      /** A Shopify product or its stock changed: the job asks product sync to follow it. */
      shopifyProductChanged?: { organizationId: string; shopifyConnectionId: string; shopifyProductId: string };
      /** A Shopify fulfillment was created or changed: the job asks fulfillment sync to send its tracking to TikTok. */
      shopifyFulfillmentChanged?: ShopifyFulfillmentChanged;
      /** A TikTok order changed: the job queues its import. */
      tiktokOrderChanged?: { organizationId: string; tiktokConnectionId: string; tiktokOrderId: string; updateTime: number | null };
      /** A store's cached catalog changed: the job asks for its mapping conflicts to be looked at again. */
      catalogChanged?: { organizationId: string; connectionId: string };
    }
  | { handled: false; reason: string };

const PRIVACY_TOPICS = new Set(["SHOPIFY customers/data_request", "SHOPIFY customers/redact", "SHOPIFY shop/redact"]);

export interface ProcessDeliveryOptions {
  /** The organization the delivery was stored for; null for a shop no organization has connected. */
  organizationId: string | null;
  deliveryId: string;
}

/** The job side of a webhook: reads the stored delivery and does what its topic asks. Safe to run twice. */
export async function processDelivery({ organizationId, deliveryId }: ProcessDeliveryOptions): Promise<DeliveryOutcome> {
  // `?? null`: an undefined filter would match every organization.
  const delivery = await db().webhookDelivery.findFirst({ where: { id: deliveryId, organizationId: organizationId ?? null } });
  if (!delivery) return { handled: false, reason: "delivery no longer stored (pruned or redacted)" };
  const key = `${delivery.platform} ${delivery.topic}`;

  // Privacy requests are answered whether or not the store is (still) connected.
  if (PRIVACY_TOPICS.has(key)) return handlePrivacyRequest({ delivery });
  if (!delivery.connectionId) return { handled: false, reason: `no connected store for ${delivery.shop}` };
  const connectionId = delivery.connectionId;
  if (LIFECYCLE_TOPICS.has(key)) return handleLifecycleDelivery({ delivery: { ...delivery, connectionId } });

  // Data topics: a store that is disconnected, uninstalled or waiting for re-authorization gets no
  // work (a soft disconnect stops jobs; its subscriptions are being removed, but deliveries in flight
  // still arrive). Its catalog is brought up to date by the import that follows reconnecting.
  const connection = await db().connection.findUnique({ where: { id: connectionId }, select: { status: true } });
  if (!connection) return { handled: false, reason: "the store is no longer connected" };
  if (connection.status !== "ACTIVE") return { handled: false, reason: `the store is ${connection.status.toLowerCase().replace("_", " ")}: nothing is synced for it` };

  switch (key) {
    case "SHOPIFY products/update":
    case "SHOPIFY products/delete":
    case "TIKTOK PRODUCT_CREATION":
    case "TIKTOK PRODUCT_INFORMATION_CHANGE":
    case "TIKTOK PRODUCT_STATUS_CHANGE":
      return processProductDelivery({ delivery: { ...delivery, connectionId } });
    case "TIKTOK ORDER_STATUS_CHANGE": {
      // Both sides follow an order's status: the TikTok status shown beside tracking Ferry sent, and the import.
      const followed = await processFulfillmentDelivery({ delivery: { ...delivery, connectionId } });
      const order = await processOrderDelivery({ delivery: { ...delivery, connectionId } });
      return followed.handled && order.handled ? { ...order, action: `${followed.action}; ${order.action}` } : followed.handled ? followed : order;
    }
    case "SHOPIFY inventory_levels/update":
      return processInventoryDelivery({ delivery: { ...delivery, connectionId } });
    case "SHOPIFY fulfillments/create":
    case "SHOPIFY fulfillments/update":
      return processFulfillmentDelivery({ delivery: { ...delivery, connectionId } });
    default:
      // Order and fulfillment topics are processed by their own features as they land.
      return { handled: false, reason: `${key} is stored; no handler for it yet` };
  }
}
