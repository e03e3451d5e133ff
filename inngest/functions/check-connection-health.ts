import { HEALTH_CHECK_ACTIVITY, listStoresToCheck, recordHealthCheck } from "@/lib/connections/check-connection-health";
import type { StoreCheck } from "@/lib/connections/check-store";
import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { inngest } from "../client";
import { healthCheckRequested } from "../events";
import { checkStoreFn } from "./check-store";

/**
 * Checks an organization's stores, each through check-store (keyed by the store), and records one
 * Activity entry. The organization key serializes only the short record step (concurrency counts
 * running steps, not runs waiting on their stores), so two checks never both decide "changed".
 */
export const checkConnectionHealthFn = inngest.createFunction(
  {
    id: "check-connection-health",
    name: "Check connection health",
    triggers: [healthCheckRequested],
    concurrency: { key: "event.data.organizationId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, requestedBy } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: HEALTH_CHECK_ACTIVITY,
        what: "The connection health check",
        next: requestedBy === "schedule" ? "It runs again within 15 minutes." : 'Try again with "Run health check" on Activity or "Check now" under Connections.',
        error,
        runId: event.data.run_id,
      });
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, connectionId, requestedBy } = event.data;
    const storeIds = await step.run("list-stores", () => listStoresToCheck({ organizationId, connectionId }));
    const results = await Promise.all(
      storeIds.map((id) => step.invoke(`check-${id}`, { function: checkStoreFn, data: { organizationId, connectionId: id } }) as Promise<StoreCheck | null>),
    );
    return step.run("record", () =>
      recordHealthCheck({
        organizationId,
        stores: results.filter((r): r is StoreCheck => r !== null),
        always: requestedBy !== "schedule",
        checkKey: runId,
      }),
    );
  },
);
