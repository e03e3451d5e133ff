import { cron } from "inngest";
import { listOrganizationIds } from "@/lib/connections/check-connection-health";
import { inngest } from "../client";
import { logScheduledFailure } from "../log-scheduled-failure";
import { healthCheckRequested } from "../events";

/** Every 15 minutes, fans out one health check per organization (fair: one slow tenant blocks no one). */
export const scheduleConnectionHealthFn = inngest.createFunction(
  {
    id: "schedule-connection-health",
    name: "Schedule connection health checks",
    triggers: [cron("*/15 * * * *")],
    retries: 2,
    onFailure: logScheduledFailure("schedule-connection-health"),
  },
  async ({ step, runId }) => {
    const organizationIds = await step.run("list-organizations", () => listOrganizationIds());
    if (organizationIds.length === 0) return { scheduled: 0 };
    // Deterministic event ids: a retried step sends events the event API deduplicates.
    await step.sendEvent(
      "fan-out",
      organizationIds.map((organizationId) => healthCheckRequested.create({ organizationId, requestedBy: "schedule" }, { id: `health-${runId}-${organizationId}` })),
    );
    return { scheduled: organizationIds.length };
  },
);
