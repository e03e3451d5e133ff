import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { getOrder } from "@/lib/orders/get-order";
import { idParamSchema } from "@/lib/team/schemas";

export const GET = withOrg(async ({ params, org }) => getOrder({ organizationId: org.organizationId, orderId: parseParams(params.orderId, idParamSchema) }));
