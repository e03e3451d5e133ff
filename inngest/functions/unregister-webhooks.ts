import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { unregisterWebhooks } from "@/lib/connections/unregister-webhooks";
import { inngest } from "../client";
import { connectionDisconnected } from "../events";

/** After a soft disconnect: remove our webhook subscriptions so the platform stops calling us. */
export const unregisterWebhooksFn = inngest.createFunction(
  {
    id: "unregister-webhooks",
    name: "Unregister store webhooks",
    triggers: [connectionDisconnected],
    // Runs once per disconnect, with a handful of platform calls: no throttle needed.
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "connections.webhooks",
        what: "Removing the webhook subscriptions of a disconnected store",
        next: "The store stays disconnected; to stop its notifications for good, remove the Ferry app in the store's admin.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: connectionId,
      });
    },
  },
  async ({ event, step }) => step.run("unsubscribe", () => unregisterWebhooks({ organizationId: event.data.organizationId, connectionId: event.data.connectionId })),
);
