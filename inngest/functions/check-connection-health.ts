import { HEALTH_CHECK_ACTIVITY, checkConnectionHealth } from "@/lib/connections/check-connection-health";
import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { inngest } from "../client";
import { healthCheckRequested } from "../events";

/** Checks one organization's connections. One at a time per organization; organizations in parallel. */
export const checkConnectionHealthFn = inngest.createFunction(
  {
    id: "check-connection-health",
    name: "Check connection health",
    triggers: [healthCheckRequested],
    concurrency: { key: "event.data.organizationId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      await recordJobFailure({
        organizationId: event.data.event.data.organizationId,
        type: HEALTH_CHECK_ACTIVITY,
        what: "The connection health check",
        error,
      });
    },
  },
  async ({ event, step, runId }) => {
    return step.run("check-and-record", () =>
      checkConnectionHealth({
        organizationId: event.data.organizationId,
        connectionId: event.data.connectionId,
        always: event.data.requestedBy !== "schedule",
        checkKey: runId,
      }),
    );
  },
);
