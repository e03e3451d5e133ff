import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { withOrg } from "@/lib/http/route";

// A member's own read state: viewers may mark their notifications read.
export const POST = withOrg(async ({ org }) => markNotificationsRead({ organizationId: org.organizationId, userId: org.userId }), { minRole: "VIEWER" });
