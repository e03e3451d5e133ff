import { changeMemberRole } from "@/lib/team/change-member-role";
import { removeMember } from "@/lib/team/remove-member";
import { changeRoleSchema, idParamSchema } from "@/lib/team/schemas";
import { parseJsonBody, parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const PATCH = withOrg(async ({ request, params, org }) => {
  const memberId = parseParams(params.memberId, idParamSchema);
  const { role } = await parseJsonBody(request, changeRoleSchema);
  return { member: await changeMemberRole({ org, memberId, role }) };
});

// Any member may leave (remove themselves); removeMember requires an admin for anyone else.
export const DELETE = withOrg(
  async ({ params, org }) => {
    await removeMember({ org, memberId: parseParams(params.memberId, idParamSchema) });
    return null;
  },
  { minRole: "VIEWER" },
);
