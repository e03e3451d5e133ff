import type { OrgContext } from "../auth/org-access";
import { hasRole, type Role } from "../auth/roles";
import type { Prisma } from "../db";
import { conflict, forbidden, notFound } from "../errors";

export interface LockedMember {
  id: string;
  userId: string;
  role: Role;
}

/**
 * Loads the target membership and locks the organization's owner rows, so two concurrent
 * demotions cannot both pass the "at least one owner" check.
 */
export async function lockMemberForChange(
  tx: Prisma.TransactionClient,
  { org, memberId }: { org: OrgContext; memberId: string },
): Promise<{ member: LockedMember; ownerCount: number }> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${org.organizationId} AND role = 'OWNER' FOR UPDATE`;
  const member = await tx.membership.findFirst({
    where: { id: memberId, organizationId: org.organizationId },
    select: { id: true, userId: true, role: true },
  });
  if (!member) throw notFound("Member not found.");
  return { member, ownerCount: owners.length };
}

/** Owners are managed by owners only; an organization always keeps one owner. */
export function assertOwnerRules(options: { org: OrgContext; member: LockedMember; ownerCount: number; nextRole: Role | null }) {
  const { org, member, ownerCount, nextRole } = options;
  const touchesOwner = member.role === "OWNER" || nextRole === "OWNER";
  const isSelf = member.userId === org.userId;
  if (touchesOwner && !hasRole(org.role, "OWNER") && !(isSelf && nextRole === null)) {
    throw forbidden("Only an owner can change or remove an owner.");
  }
  if (member.role === "OWNER" && nextRole !== "OWNER" && ownerCount <= 1) {
    throw conflict("An organization needs at least one owner. Make someone else an owner first.");
  }
}
