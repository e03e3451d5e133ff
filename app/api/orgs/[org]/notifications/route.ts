import { listNotifications, listNotificationsQuerySchema } from "@/lib/notifications/list-notifications";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ request, org }) => {
  const query = listNotificationsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return listNotifications({ organizationId: org.organizationId, userId: org.userId, query });
});
