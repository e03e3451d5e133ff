import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { registerWebhooks } from "@/lib/connections/register-webhooks";
import { inngest } from "../client";
import { catalogImportRequested, connectionConnected, healthCheckRequested } from "../events";

/** After a store connects: subscribe its webhooks, then check it and import its catalog. One at a time per store. */
export const registerWebhooksFn = inngest.createFunction(
  {
    id: "register-webhooks",
    name: "Register store webhooks",
    triggers: [connectionConnected],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      await recordJobFailure({
        organizationId: event.data.event.data.organizationId,
        type: "connections.webhooks",
        what: "Subscribing the store's webhooks",
        error,
      });
    },
  },
  async ({ event, step, runId }) => {
    const result = await step.run("subscribe", () => registerWebhooks({ connectionId: event.data.connectionId }));
    const { organizationId, connectionId } = event.data;
    await step.sendEvent("check-and-import", [
      healthCheckRequested.create({ organizationId, connectionId, requestedBy: "schedule" }, { id: `health-after-connect-${runId}` }),
      catalogImportRequested.create({ organizationId, connectionId, kind: "full", requestedBy: "connect" }, { id: `import-after-connect-${runId}` }),
    ]);
    return result;
  },
);
