import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { UNINSTALLED_RETENTION_DAYS } from "../maintenance/purge-uninstalled";
import { notifyConnection } from "./notify-connection";

export interface MarkUninstalledOptions {
  connectionId: string;
  reason: string;
}

/**
 * The platform told us the app was removed: stop all work for the store now. Its data is kept for
 * the retention period (so a reinstall restores mappings) and then removed by the maintenance job.
 */
export async function markUninstalled({ connectionId, reason }: MarkUninstalledOptions): Promise<boolean> {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, name: true, organizationId: true, status: true, authorizedAt: true },
  });
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
  await notifyConnection({
    connectionId: connection.id,
    event: "uninstalled",
    level: "ERROR",
    title: `${connection.name} stopped syncing`,
    body: `${reason} Re-authorize it on Connections to resume; its mappings and settings are kept for ${UNINSTALLED_RETENTION_DAYS} days.`,
    key: String(connection.authorizedAt.getTime()),
  });
  return true;
}
