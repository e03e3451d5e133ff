import type { OrgContext } from "../auth/org-access";
import { recordAudit } from "../audit/record-audit";
import { hasRole } from "../auth/roles";
import { db } from "../db";
import { forbidden } from "../errors";
import { assertOwnerRules, lockMemberForChange } from "./member-guard";

export interface RemoveMemberOptions {
  org: OrgContext;
  memberId: string;
}

/** Removes a member; anyone may leave (remove themselves), admins remove others. */
export async function removeMember({ org, memberId }: RemoveMemberOptions): Promise<void> {
  await db().$transaction(async (tx) => {
    const { member, ownerCount } = await lockMemberForChange(tx, { org, memberId });
    const isSelf = member.userId === org.userId;
    if (!isSelf && !hasRole(org.role, "ADMIN")) throw forbidden("Viewers can look but not change anything. Ask an admin.");
    assertOwnerRules({ org, member, ownerCount, nextRole: null });
    const removed = await tx.membership.delete({ where: { id: member.id }, select: { user: { select: { email: true } } } });
    await recordAudit({
      tx,
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: isSelf ? "member.left" : "member.removed",
      target: { type: "membership", id: member.id },
      summary: isSelf ? `${removed.user.email} left the organization.` : `Removed ${removed.user.email} from the organization.`,
    });
  });
}
