import type { OrgContext } from "../auth/org-access";
import { recordAudit } from "../audit/record-audit";
import type { Role } from "../auth/roles";
import { db } from "../db";
import { assertOwnerRules, lockMemberForChange } from "./member-guard";

export interface ChangeMemberRoleOptions {
  org: OrgContext;
  memberId: string;
  role: Role;
}

export async function changeMemberRole({ org, memberId, role }: ChangeMemberRoleOptions) {
  return db().$transaction(async (tx) => {
    const { member, ownerCount } = await lockMemberForChange(tx, { org, memberId });
    assertOwnerRules({ org, member, ownerCount, nextRole: role });
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role }, select: { id: true, role: true, user: { select: { email: true } } } });
    if (member.role !== role) {
      await recordAudit({ tx, organizationId: org.organizationId, actorUserId: org.userId, action: "member.role_changed", target: { type: "membership", id: member.id }, summary: `Changed ${updated.user.email}'s role from ${member.role.toLowerCase()} to ${role.toLowerCase()}.` });
    }
    return { id: updated.id, role: updated.role };
  });
}
