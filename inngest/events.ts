import { eventType } from "inngest";
import { z } from "zod";

// Every event the app sends or handles, declared once with its schema. Names are domain/noun.verb.
// Events carry ids, never rows: functions read current state from the database.

export const healthCheckRequested = eventType("connections/health-check.requested", {
  schema: z.object({
    organizationId: z.string().min(1),
    /** Who asked: a member's user id, or "schedule". */
    requestedBy: z.string().min(1),
  }),
});
