import type { OrgContext } from "../auth/org-access";
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
    await tx.membership.delete({ where: { id: member.id } });
  });
}
