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

/** A store's cached catalog changed (a product webhook): its shops' mapping conflicts are looked at again. */
export const catalogChanged = eventType("catalog/changed", {
  schema: z.object({ organizationId: z.string().min(1), connectionId: z.string().min(1) }),
});

/** Compute an overwrite preview ("what will be overwritten") in the background. */
export const productSyncPreviewRequested = eventType("product-sync/preview.requested", {
  schema: z.object({ organizationId: z.string().min(1), previewId: z.string().min(1) }),
});

/** Sync one TikTok product from Shopify ("Sync now", a Shopify change, a cross-border sibling). */
export const productSyncRequested = eventType("product-sync/product.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    tiktokConnectionId: z.string().min(1),
    tiktokProductId: z.string().min(1),
    reason: z.enum(["mapping", "shopify-change", "sync-now", "reconcile", "global-edit"]),
  }),
});

/** A Shopify product (or its stock) changed: its TikTok listings follow once the burst of webhooks settles. */
export const shopifyProductChanged = eventType("product-sync/shopify-product.changed", {
  schema: z.object({ organizationId: z.string().min(1), shopifyConnectionId: z.string().min(1), shopifyProductId: z.string().min(1) }),
});

/** Sync a shop's mapped products: after "Map" (only that batch's products), or the scheduled reconciliation. */
export const productSyncShopRequested = eventType("product-sync/shop.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    tiktokConnectionId: z.string().min(1),
    reason: z.enum(["mapping", "reconcile", "settings"]),
    batchId: z.string().min(1).optional(),
  }),
});

/** An undone mapping batch: put back the TikTok listings auto-sync had overwritten. */
export const productSnapshotsRestoreRequested = eventType("product-sync/snapshots.restore-requested", {
  schema: z.object({ organizationId: z.string().min(1), tiktokProductIds: z.array(z.string().min(1)).max(100_000), batchId: z.string().min(1) }),
});

/** A Shopify fulfillment was created or changed (a webhook, or "Retry"): send its tracking to TikTok. */
export const shopifyFulfillmentChanged = eventType("fulfillment/shopify-fulfillment.changed", {
  schema: z.object({
    organizationId: z.string().min(1),
    shopifyConnectionId: z.string().min(1),
    shopifyOrderId: z.string().min(1),
    shopifyFulfillmentId: z.string().min(1),
  }),
});

/** The fulfillment backstop for one Shopify store: send any fulfillment whose webhook never arrived. */
export const fulfillmentReconcileRequested = eventType("fulfillment/reconcile.requested", {
  schema: z.object({ organizationId: z.string().min(1), shopifyConnectionId: z.string().min(1) }),
});

/**
 * A TikTok order may have changed (a webhook, the polling backstop, the backfill, "Retry", a new mapping):
 * import it, or follow it if imported. Webhook and poll events of one change share an id (shop, order,
 * update_time), so the event API keeps one of them.
 */
export const tiktokOrderChanged = eventType("orders/tiktok-order.changed", {
  schema: z.object({
    organizationId: z.string().min(1),
    tiktokConnectionId: z.string().min(1),
    tiktokOrderId: z.string().min(1).max(40),
    source: z.enum(["webhook", "poll", "backfill", "retry", "mapping"]),
  }),
});

/** Search one TikTok shop's orders by update time (the polling backstop, or the backfill after connecting). */
export const tiktokOrdersPollRequested = eventType("orders/poll.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    tiktokConnectionId: z.string().min(1),
    /** Unix seconds to search from; otherwise from where the last poll got to, less the overlap window. */
    since: z.number().int().min(0).optional(),
    reason: z.enum(["schedule", "backfill"]),
  }),
});
