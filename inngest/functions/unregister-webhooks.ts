import { unregisterWebhooks } from "@/lib/connections/unregister-webhooks";
import { inngest } from "../client";
import { connectionDisconnected } from "../events";

/** After a soft disconnect: remove our webhook subscriptions so the platform stops calling us. */
export const unregisterWebhooksFn = inngest.createFunction(
  {
    id: "unregister-webhooks",
    name: "Unregister store webhooks",
    triggers: [connectionDisconnected],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => step.run("unsubscribe", () => unregisterWebhooks({ connectionId: event.data.connectionId })),
);
