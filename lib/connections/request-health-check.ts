import { randomUUID } from "node:crypto";
import { inngest } from "@/inngest/client";
import { healthCheckRequested } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";

/** Queues a connection health check for the organization; the result appears in Activity. */
export async function requestHealthCheck({ org, connectionId }: { org: OrgContext; connectionId?: string }): Promise<{ eventId: string }> {
  const id = `health-manual-${randomUUID()}`;
  await inngest.send(healthCheckRequested.create({ organizationId: org.organizationId, connectionId, requestedBy: org.userId }, { id }));
  return { eventId: id };
}
