import { listActivity, listActivityQuerySchema } from "@/lib/activity/list-activity";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ request, org }) => {
  const query = listActivityQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return listActivity({ organizationId: org.organizationId, query });
});
