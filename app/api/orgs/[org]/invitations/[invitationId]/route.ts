import { revokeInvitation } from "@/lib/team/revoke-invitation";
import { idParamSchema } from "@/lib/team/schemas";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const DELETE = withOrg(async ({ params, org }) => {
  await revokeInvitation({ org, invitationId: parseParams(params.invitationId, idParamSchema) });
  return null;
});
