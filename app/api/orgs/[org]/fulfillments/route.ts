import { listOrderFulfillments, listOrderFulfillmentsSchema } from "@/lib/fulfillment/list-order-fulfillments";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ request, org }) =>
  listOrderFulfillments({ organizationId: org.organizationId, ...listOrderFulfillmentsSchema.parse(Object.fromEntries(request.nextUrl.searchParams)) }),
);
