import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import { AppError, notFound } from "../errors";
import { hashInvitationToken, isWellFormedToken } from "./invitation-token";

export interface InvitationLookupOptions {
  token: string;
}

type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** What the invitation page shows before the invitee signs in. */
export async function getInvitation({ token }: InvitationLookupOptions) {
  if (!isWellFormedToken(token)) throw notFound("This invitation link is not valid.");
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, organization: { select: { name: true } } },
  });
  if (!invitation) throw notFound("This invitation link is not valid.");
  const status: InvitationStatus = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= new Date()
        ? "expired"
        : "pending";
  return { email: invitation.email, role: invitation.role, organizationName: invitation.organization.name, status };
}

export interface AcceptInvitationOptions {
  token: string;
  userId: string;
  userEmail: string;
  tx?: Prisma.TransactionClient;
}

/** Joins the invitee to the organization. The signed-in account's email must be the invited one. */
export async function acceptInvitation({ token, userId, userEmail, tx }: AcceptInvitationOptions) {
  if (!isWellFormedToken(token)) throw notFound("This invitation link is not valid.");
  const run = async (client: Prisma.TransactionClient) => {
    const invitation = await client.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      select: { id: true, email: true, role: true, organizationId: true, expiresAt: true, acceptedAt: true, revokedAt: true, organization: { select: { slug: true } } },
    });
    if (!invitation) throw notFound("This invitation link is not valid.");
    if (invitation.revokedAt) throw new AppError("GONE", "This invitation was withdrawn. Ask for a new one.");
    if (invitation.acceptedAt) throw new AppError("GONE", "This invitation has already been used.");
    if (invitation.expiresAt <= new Date()) throw new AppError("GONE", "This invitation has expired. Ask for a new one.");
    if (invitation.email !== userEmail.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}. Sign in with that email to accept it.`);
    }
    // Claim the invitation first: a second, concurrent accept updates nothing and fails.
    const claimed = await client.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new AppError("GONE", "This invitation has already been used.");
    await client.membership.upsert({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId } },
      update: {},
      create: { organizationId: invitation.organizationId, userId, role: invitation.role },
    });
    await recordAudit({ tx: client, organizationId: invitation.organizationId, actorUserId: userId, action: "member.joined", target: { type: "invitation", id: invitation.id }, summary: `${invitation.email} joined as ${invitation.role.toLowerCase()} through an invitation.` });
    return { organizationSlug: invitation.organization.slug };
  };
  return tx ? run(tx) : db().$transaction(run);
}
