import { db } from "../db";
import { notFound } from "../errors";

export interface RevokeInvitationOptions {
  organizationId: string;
  invitationId: string;
}

export async function revokeInvitation({ organizationId, invitationId }: RevokeInvitationOptions): Promise<void> {
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, organizationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Invitation not found.");
}
