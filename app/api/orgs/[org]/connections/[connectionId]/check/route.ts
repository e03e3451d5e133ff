import { requestHealthCheck } from "@/lib/connections/request-health-check";
import { getConnectionOrThrow } from "@/lib/connections/get-connection";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => {
  const connection = await getConnectionOrThrow({ organizationId: org.organizationId, connectionId: parseParams(params.connectionId, idParamSchema) });
  return Response.json(await requestHealthCheck({ org, connectionId: connection.id }), { status: 202 });
});
