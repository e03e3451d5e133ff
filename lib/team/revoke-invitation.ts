import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../errors";

export interface RevokeInvitationOptions {
  org: { organizationId: string; userId: string };
  invitationId: string;
}

export async function revokeInvitation({ org, invitationId }: RevokeInvitationOptions): Promise<void> {
  await db().$transaction(async (tx) => {
    const where = { id: invitationId, organizationId: org.organizationId, acceptedAt: null, revokedAt: null };
    const invitation = await tx.invitation.findFirst({ where, select: { email: true } });
    const { count } = await tx.invitation.updateMany({ where, data: { revokedAt: new Date() } });
    if (count === 0 || !invitation) throw notFound("Invitation not found.");
    await recordAudit({ tx, organizationId: org.organizationId, actorUserId: org.userId, action: "invitation.revoked", target: { type: "invitation", id: invitationId }, summary: `Withdrew the invitation for ${invitation.email}.` });
  });
}
