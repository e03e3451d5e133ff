import { recordActivity } from "../activity/record-activity";
import { db } from "../db";

export interface MarkUninstalledOptions {
  connectionId: string;
  reason: string;
}

/**
 * The platform told us the app was removed: stop all work for the store now. Its data is kept for
 * the retention period (so a reinstall restores mappings) and then removed by the maintenance job.
 */
export async function markUninstalled({ connectionId, reason }: MarkUninstalledOptions): Promise<boolean> {
  const connection = await db().connection.findUnique({ where: { id: connectionId }, select: { id: true, name: true, organizationId: true, status: true } });
  if (!connection || connection.status === "UNINSTALLED") return false;
  await db().connection.update({
    where: { id: connection.id },
    data: { status: "UNINSTALLED", statusReason: reason, disconnectedAt: new Date(), webhooksReadyAt: null },
  });
  await recordActivity({
    organizationId: connection.organizationId,
    type: "connections.uninstalled",
    level: "ERROR",
    message: `${connection.name}: ${reason} All work for this store has stopped. Re-authorize it under Connections to resume.`,
    subjectType: "connection",
    subjectId: connection.id,
  });
  return true;
}
