import { describeJobFailure } from "./job-failure-reason";
import { recordActivity } from "./record-activity";

export interface RecordJobFailureOptions {
  organizationId: string;
  type: string;
  /** What the merchant was waiting for, e.g. "Importing the catalog of Acme". */
  what: string;
  /**
   * What the merchant can do next for this job, e.g. 'Try "Import now" on Products.' Used unless
   * the reason brings its own (re-authorize the store). Say "it runs again on its schedule" only
   * for scheduled jobs.
   */
  next?: string;
  /** The error the job failed with (as onFailure receives it). Its raw text is never recorded. */
  error: unknown;
  /** The failed run's id: named as the reference for an unexpected error. */
  runId?: string;
  subjectType?: string;
  subjectId?: string;
}

const DEFAULT_NEXT = "If it keeps failing, check the store under Connections.";

/** A background job gave up: say so in Activity with a reason a merchant can act on, never with secrets. */
export async function recordJobFailure({ organizationId, type, what, next = DEFAULT_NEXT, error, runId, subjectType, subjectId }: RecordJobFailureOptions) {
  const { reason, action } = describeJobFailure({ error, reference: runId });
  return recordActivity({
    organizationId,
    type,
    level: "ERROR",
    message: `${what} failed: ${reason}. ${action ?? next}`,
    subjectType,
    subjectId,
  });
}
