import { db, type Prisma } from "../db";

export type AuditAction =
  | "organization.updated"
  | "member.invited"
  | "invitation.revoked"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "connection.connected"
  | "connection.paired"
  | "connection.disconnected"
  | "settings.updated";

export interface RecordAuditOptions {
  /** Inside the change's own transaction, so the entry exists exactly when the change does. */
  tx?: Prisma.TransactionClient;
  organizationId: string;
  actorUserId: string;
  action: AuditAction;
  target?: { type: string; id: string };
  /** What happened, for owners: names members and stores, never secrets or tokens. */
  summary: string;
}

/** Records a member's administrative action in the organization's audit log. */
export async function recordAudit({ tx, organizationId, actorUserId, action, target, summary }: RecordAuditOptions): Promise<void> {
  const client = tx ?? db();
  const actor = await client.user.findUnique({ where: { id: actorUserId }, select: { email: true } });
  await client.auditEntry.create({
    data: { organizationId, actorUserId, actorEmail: actor?.email ?? "unknown", action, targetType: target?.type, targetId: target?.id, summary },
  });
}
