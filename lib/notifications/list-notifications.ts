import { z } from "zod";
import { db } from "../db";

export const listNotificationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface ListNotificationsOptions {
  organizationId: string;
  userId: string;
  query: z.infer<typeof listNotificationsQuerySchema>;
}

/** The latest notifications, which of them the member has not seen, and how many are unread in all. */
export async function listNotifications({ organizationId, userId, query }: ListNotificationsOptions) {
  const membership = await db().membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId, userId } }, select: { notificationsReadAt: true, createdAt: true } });
  // A member who joined later is not shown the organization's older problems as unread.
  const readAt = membership.notificationsReadAt ?? membership.createdAt;
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit,
      select: { id: true, kind: true, level: true, title: true, body: true, href: true, createdAt: true },
    }),
    db().notification.count({ where: { organizationId, createdAt: { gt: readAt } } }),
  ]);
  return {
    unread,
    notifications: rows.map((row) => ({ ...row, unread: row.createdAt > readAt, createdAt: row.createdAt.toISOString() })),
  };
}

export type NotificationList = Awaited<ReturnType<typeof listNotifications>>;
