import { getCarrierSettings } from "@/lib/fulfillment/get-carrier-settings";
import { setCarrierMappings, setCarrierMappingsSchema } from "@/lib/fulfillment/set-carrier-mappings";
import { parseJsonBody, parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const GET = withOrg(async ({ params, org }) => getCarrierSettings({ organizationId: org.organizationId, tiktokConnectionId: parseParams(params.tiktokConnectionId, idParamSchema) }));

export const PUT = withOrg(async ({ request, params, org }) =>
  setCarrierMappings({ org, tiktokConnectionId: parseParams(params.tiktokConnectionId, idParamSchema), input: await parseJsonBody(request, setCarrierMappingsSchema) }),
);
