import type { OrgContext } from "../auth/org-access";
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
    return tx.membership.update({ where: { id: member.id }, data: { role }, select: { id: true, role: true } });
  });
}
