import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { inngest } from "@/inngest/client";
import { connectionDisconnected } from "@/inngest/events";
import { getConnectionOrThrow } from "./get-connection";

export interface DisconnectConnectionOptions {
  org: OrgContext;
  connectionId: string;
}

/**
 * Soft disconnect: work for the store stops, our webhook subscriptions are removed (in a job), its
 * mappings, settings and pairing are kept, and
 * connecting the same store again restores them. Tokens stay encrypted until the store reconnects
 * or its data is redacted.
 */
export async function disconnectConnection({ org, connectionId }: DisconnectConnectionOptions): Promise<void> {
  const connection = await getConnectionOrThrow({ organizationId: org.organizationId, connectionId });
  if (connection.status === "DISCONNECTED") return;
  await db().connection.update({
    where: { id: connection.id },
    data: { status: "DISCONNECTED", statusReason: "Disconnected by a member.", disconnectedAt: new Date() },
  });
  await recordAudit({ organizationId: org.organizationId, actorUserId: org.userId, action: "connection.disconnected", target: { type: "connection", id: connection.id }, summary: `Disconnected ${connection.name}.` });
  await recordActivity({
    organizationId: org.organizationId,
    type: "connections.disconnected",
    level: "WARNING",
    message: `${connection.name} was disconnected. Its mappings and settings are kept; connect it again to resume.`,
    subjectType: "connection",
    subjectId: connection.id,
  });
  await inngest.send(connectionDisconnected.create({ organizationId: org.organizationId, connectionId: connection.id }, { id: `disconnected-${connection.id}-${Date.now()}` }));
}
