import { log } from "@/lib/log";

/**
 * onFailure for fleet-wide scheduled jobs: there is no organization to tell (each organization's
 * own jobs they fan out to record their failures), so the operator is told through the log.
 */
export function logScheduledFailure(job: string) {
  return async ({ event, error }: { event: { data: { run_id?: string } }; error: Error }) => {
    log.error("scheduled job failed", { fn: job, failedRunId: event.data.run_id, errorName: error.name, error: error.message.slice(0, 500) });
  };
}
