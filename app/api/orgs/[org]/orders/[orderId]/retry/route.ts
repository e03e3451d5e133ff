import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { retryOrder } from "@/lib/orders/retry-order";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => Response.json(await retryOrder({ organizationId: org.organizationId, orderId: parseParams(params.orderId, idParamSchema) }), { status: 202 }));
