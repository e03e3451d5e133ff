import { inviteMember } from "@/lib/team/invite-member";
import { inviteMemberSchema } from "@/lib/team/schemas";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => {
  const input = await parseJsonBody(request, inviteMemberSchema);
  return Response.json(await inviteMember({ org, input }), { status: 201 });
});
