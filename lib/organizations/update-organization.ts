import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { UpdateOrganizationInput } from "./schemas";

export interface UpdateOrganizationOptions {
  org: { organizationId: string; userId: string };
  input: UpdateOrganizationInput;
}

export async function updateOrganization({ org, input }: UpdateOrganizationOptions) {
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: org.organizationId }, select: { name: true, timeZone: true } });
    const after = await tx.organization.update({
      where: { id: org.organizationId },
      data: { name: input.name, timeZone: input.timeZone },
      select: { id: true, slug: true, name: true, timeZone: true },
    });
    const changes = [
      before.name !== after.name ? `name from "${before.name}" to "${after.name}"` : null,
      before.timeZone !== after.timeZone ? `time zone from ${before.timeZone} to ${after.timeZone}` : null,
    ].filter(Boolean);
    if (changes.length > 0) {
      await recordAudit({ tx, organizationId: org.organizationId, actorUserId: org.userId, action: "organization.updated", target: { type: "organization", id: after.id }, summary: `Changed the organization's ${changes.join(" and ")}.` });
    }
    return after;
  });
}
