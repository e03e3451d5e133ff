import { recordActivity } from "./record-activity";

export interface RecordJobFailureOptions {
  organizationId: string;
  type: string;
  /** What the merchant was waiting for, e.g. "The connection health check". */
  what: string;
  error: unknown;
}

/** A background job gave up: say so in Activity with a reason and what to do, never with secrets. */
export async function recordJobFailure({ organizationId, type, what, error }: RecordJobFailureOptions) {
  const reason = error instanceof Error ? error.message : typeof error === "object" && error && "message" in error ? String(error.message) : "unknown error";
  return recordActivity({
    organizationId,
    type,
    level: "ERROR",
    message: `${what} failed after several attempts: ${reason.slice(0, 300)}. It will run again on its schedule; if this repeats, check Connections.`,
  });
}
