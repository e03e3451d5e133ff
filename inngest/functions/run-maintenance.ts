import { cron } from "inngest";
import { pruneLoginAttempts } from "@/lib/auth/login-throttle";
import { pruneOAuthStates } from "@/lib/connections/oauth-state";
import { purgeUninstalledConnections } from "@/lib/maintenance/purge-uninstalled";
import { pruneWebhookDeliveries } from "@/lib/webhooks/store-delivery";
import { inngest } from "../client";
import { logScheduledFailure } from "../log-scheduled-failure";

/** Daily retention: expired sign-in attempts, OAuth states, old webhook deliveries, uninstalled stores. */
export const runMaintenanceFn = inngest.createFunction(
  { id: "run-maintenance", name: "Daily data retention", triggers: [cron("TZ=UTC 30 3 * * *")], retries: 3, onFailure: logScheduledFailure("run-maintenance") },
  async ({ step }) => ({
    loginAttempts: await step.run("prune-login-attempts", () => pruneLoginAttempts()),
    oauthStates: await step.run("prune-oauth-states", () => pruneOAuthStates()),
    webhookDeliveries: await step.run("prune-webhook-deliveries", () => pruneWebhookDeliveries()),
    uninstalledStores: await step.run("purge-uninstalled-stores", () => purgeUninstalledConnections()),
  }),
);
