import { retryFulfillment } from "@/lib/fulfillment/retry-fulfillment";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => Response.json(await retryFulfillment({ org, fulfillmentId: parseParams(params.fulfillmentId, idParamSchema) }), { status: 202 }));
