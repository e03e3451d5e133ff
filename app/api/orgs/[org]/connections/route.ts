import { listConnections } from "@/lib/connections/list-connections";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ org }) => listConnections({ organizationId: org.organizationId }));
