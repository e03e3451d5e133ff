import { db } from "../db";

/** Everything raised until now counts as read for this member (their own state: viewers may do it too). */
export async function markNotificationsRead({ organizationId, userId }: { organizationId: string; userId: string }): Promise<{ unread: 0 }> {
  await db().membership.update({ where: { organizationId_userId: { organizationId, userId } }, data: { notificationsReadAt: new Date() } });
  return { unread: 0 };
}
