import { checkConnectionHealthFn } from "./functions/check-connection-health";
import { processWebhookDeliveryFn } from "./functions/process-webhook-delivery";
import { refreshExpiringTokensFn } from "./functions/refresh-expiring-tokens";
import { registerWebhooksFn } from "./functions/register-webhooks";
import { runMaintenanceFn } from "./functions/run-maintenance";
import { scheduleConnectionHealthFn } from "./functions/schedule-connection-health";
import { unregisterWebhooksFn } from "./functions/unregister-webhooks";

/** Every Inngest function the app serves at /api/inngest. */
export const functions = [
  scheduleConnectionHealthFn,
  checkConnectionHealthFn,
  registerWebhooksFn,
  unregisterWebhooksFn,
  processWebhookDeliveryFn,
  refreshExpiringTokensFn,
  runMaintenanceFn,
];
