import { inngest } from "@/inngest/client";
import { connectionConnected } from "@/inngest/events";

/** Queues the follow-up work for newly (re)connected stores: webhook subscriptions and a health check. */
export async function announceConnected({ organizationId, connectionIds }: { organizationId: string; connectionIds: string[] }) {
  if (connectionIds.length === 0) return;
  const at = Date.now();
  await inngest.send(connectionIds.map((connectionId) => connectionConnected.create({ organizationId, connectionId }, { id: `connected-${connectionId}-${at}` })));
}
