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
    // Runs once per connect, with a handful of platform calls: no throttle needed.
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "connections.webhooks",
        what: "Subscribing the store's webhooks",
        next: "Until it works, changes in the store reach Ferry only at the six-hourly reconciliation. Reconnect the store under Connections to try again.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: connectionId,
      });
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, connectionId } = event.data;
    const result = await step.run("subscribe", () => registerWebhooks({ organizationId, connectionId }));
    await step.sendEvent("check-and-import", [
      healthCheckRequested.create({ organizationId, connectionId, requestedBy: "schedule" }, { id: `health-after-connect-${runId}` }),
      catalogImportRequested.create({ organizationId, connectionId, kind: "full", requestedBy: "connect" }, { id: `import-after-connect-${runId}` }),
    ]);
    return result;
  },
);
