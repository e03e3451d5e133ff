import { applyMappingBatchFn } from "./functions/apply-mapping-batch";
import { autoMapNewProductsFn } from "./functions/auto-map-new-products";
import { checkConnectionHealthFn } from "./functions/check-connection-health";
import { checkStoreFn } from "./functions/check-store";
import { detectMappingConflictsFn } from "./functions/detect-mapping-conflicts";
import { importCatalogFn } from "./functions/import-catalog";
import { processWebhookDeliveryFn } from "./functions/process-webhook-delivery";
import { reconcileCatalogsFn } from "./functions/reconcile-catalogs";
import { refreshExpiringTokensFn } from "./functions/refresh-expiring-tokens";
import { registerWebhooksFn } from "./functions/register-webhooks";
import { runMaintenanceFn } from "./functions/run-maintenance";
import { scheduleConnectionHealthFn } from "./functions/schedule-connection-health";
import { unregisterWebhooksFn } from "./functions/unregister-webhooks";
import { computeSyncPreviewFn } from "./functions/compute-sync-preview";
import { followShopifyProductFn } from "./functions/follow-shopify-product";
import { reconcileProductSyncFn } from "./functions/reconcile-product-sync";
import { restoreProductSnapshotsFn } from "./functions/restore-product-snapshots";
import { syncProductFn } from "./functions/sync-product";
import { syncShopProductsFn } from "./functions/sync-shop-products";
import { syncFulfillmentFn } from "./functions/sync-fulfillment";
import { reconcileFulfillmentsFn } from "./functions/reconcile-fulfillments";
import { reconcileStoreFulfillmentsFn } from "./functions/reconcile-store-fulfillments";
import { backfillTikTokOrdersFn } from "./functions/backfill-tiktok-orders";
import { importTikTokOrderFn } from "./functions/import-tiktok-order";
import { pollShopOrdersFn } from "./functions/poll-shop-orders";
import { pollTikTokOrdersFn } from "./functions/poll-tiktok-orders";

/** Every Inngest function the app serves at /api/inngest. */
export const functions = [
  scheduleConnectionHealthFn,
  checkConnectionHealthFn,
  checkStoreFn,
  registerWebhooksFn,
  unregisterWebhooksFn,
  processWebhookDeliveryFn,
  refreshExpiringTokensFn,
  runMaintenanceFn,
  importCatalogFn,
  reconcileCatalogsFn,
  applyMappingBatchFn,
  autoMapNewProductsFn,
  detectMappingConflictsFn,
  computeSyncPreviewFn,
  syncProductFn,
  followShopifyProductFn,
  syncShopProductsFn,
  reconcileProductSyncFn,
  restoreProductSnapshotsFn,
  syncFulfillmentFn,
  reconcileFulfillmentsFn,
  reconcileStoreFulfillmentsFn,
  importTikTokOrderFn,
  pollTikTokOrdersFn,
  pollShopOrdersFn,
  backfillTikTokOrdersFn,
];
