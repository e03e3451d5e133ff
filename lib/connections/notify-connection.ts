import { db } from "../db";
import type { NotificationLevel } from "../generated/prisma/enums.ts";
import { raiseNotification } from "../notifications/raise-notification";

export interface NotifyConnectionOptions {
  connectionId: string;
  /** What happened, e.g. `needs_reauth`: the notification kind is `connections.<event>`. */
  event: string;
  level: NotificationLevel;
  title: string;
  body: string;
  /** What makes this one notification: the same store, event and key notify once (a retried step). */
  key: string;
}

/** Tells the store's organization, in the header's bell, about something on Connections that needs a person. */
export async function notifyConnection({ connectionId, event, level, title, body, key }: NotifyConnectionOptions): Promise<void> {
  const connection = await db().connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { organizationId: true, organization: { select: { slug: true } } },
  });
  await raiseNotification({
    organizationId: connection.organizationId,
    kind: `connections.${event}`,
    level,
    title,
    body,
    href: `/${connection.organization.slug}/connections`,
    dedupeKey: `connections.${event}:${connectionId}:${key}`,
  });
}
