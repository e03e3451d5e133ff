import { withOrg } from "@/lib/http/route";
import { listOrders, listOrdersQuerySchema } from "@/lib/orders/list-orders";

export const GET = withOrg(async ({ request, org }) => {
  const query = listOrdersQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return listOrders({ organizationId: org.organizationId, query });
});
