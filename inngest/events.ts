import { eventType } from "inngest";
import { z } from "zod";

// Every event the app sends or handles, declared once with its schema. Names are domain/noun.verb.
// Events carry ids, never rows: functions read current state from the database.

export const healthCheckRequested = eventType("connections/health-check.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    /** Only this store; otherwise all of the organization's stores. */
    connectionId: z.string().min(1).optional(),
    /** Who asked: a member's user id, or "schedule". */
    requestedBy: z.string().min(1),
  }),
});

/** A store was connected (or reconnected): subscribe its webhooks and check it. */
export const connectionConnected = eventType("connections/connection.connected", {
  schema: z.object({ organizationId: z.string().min(1), connectionId: z.string().min(1) }),
});

/** A verified, deduplicated webhook delivery, stored as a WebhookDelivery row (the job reads it by id). */
export const webhookReceived = eventType("webhooks/delivery.received", {
  schema: z.object({
    deliveryId: z.string().min(1),
    platform: z.enum(["SHOPIFY", "TIKTOK"]),
    topic: z.string().min(1),
    shop: z.string().min(1),
    /** The organization the shop is connected to; null when none is (privacy requests for a removed shop). */
    organizationId: z.string().min(1).nullable(),
  }),
});

/** A member disconnected a store: remove our webhook subscriptions (best effort; work has stopped already). */
export const connectionDisconnected = eventType("connections/connection.disconnected", {
  schema: z.object({ organizationId: z.string().min(1), connectionId: z.string().min(1) }),
});

/** Import (or reconcile) one store's catalog. */
export const catalogImportRequested = eventType("catalog/import.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    connectionId: z.string().min(1),
    kind: z.enum(["full", "reconcile"]),
    requestedBy: z.string().min(1),
  }),
});

/** A member pressed "Map": apply the batch of reviewed proposals. */
export const mappingBatchCreated = eventType("mapping/batch.created", {
  // The TikTok shop keys the job's concurrency: batches of one shop lock each other anyway.
  schema: z.object({ organizationId: z.string().min(1), tiktokConnectionId: z.string().min(1), batchId: z.string().min(1) }),
});

/** TikTok products may have arrived (a PRODUCT_CREATION webhook, an import): run "Auto-map new products". */
export const newTikTokProductsArrived = eventType("mapping/new-products.arrived", {
  schema: z.object({ organizationId: z.string().min(1), tiktokConnectionId: z.string().min(1) }),
});
