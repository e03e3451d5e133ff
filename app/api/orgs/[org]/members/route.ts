import { listMembers } from "@/lib/team/list-members";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ org }) => listMembers({ organizationId: org.organizationId }));
