import type { OrgContext } from "../auth/org-access";
import { recordAudit } from "../audit/record-audit";
import { hasRole } from "../auth/roles";
import { db } from "../db";
import { env } from "../env";
import { conflict, forbidden } from "../errors";
import { sendMail } from "../mail/send-mail";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";
import type { InviteMemberInput } from "./schemas";

export interface InviteMemberOptions {
  org: OrgContext;
  input: InviteMemberInput;
}

/** Creates an invitation and returns its link (shown to the inviter; mailed too where SMTP is set). */
export async function inviteMember({ org, input }: InviteMemberOptions) {
  if (input.role === "OWNER" && !hasRole(org.role, "OWNER")) throw forbidden("Only an owner can invite an owner.");
  const existing = await db().membership.findFirst({
    where: { organizationId: org.organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) throw conflict(`${input.email} is already a member of this organization.`);

  const { token, tokenHash } = newInvitationToken();
  const invitation = await db().$transaction(async (tx) => {
    // A new invitation for the same email replaces the pending one: only the newest link works.
    await tx.invitation.updateMany({
      where: { organizationId: org.organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        organizationId: org.organizationId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: org.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit({ tx, organizationId: org.organizationId, actorUserId: org.userId, action: "member.invited", target: { type: "invitation", id: created.id }, summary: `Invited ${created.email} as ${created.role.toLowerCase()}.` });
    return created;
  });
  const url = `${env().APP_URL}/invite/${token}`;
  const mailed = await sendMail({
    to: input.email,
    subject: `You're invited to ${org.organizationName} on Ferry`,
    text: `You have been invited to join ${org.organizationName} on Ferry.\n\nAccept the invitation: ${url}\n\nThe link expires in ${INVITATION_TTL_DAYS} days.`,
  });
  return { invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() }, url, mailed };
}
