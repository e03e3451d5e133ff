import { disconnectConnection } from "@/lib/connections/disconnect-connection";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => {
  await disconnectConnection({ org, connectionId: parseParams(params.connectionId, idParamSchema) });
  return null;
});
