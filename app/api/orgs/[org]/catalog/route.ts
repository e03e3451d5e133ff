import { catalogStatus } from "@/lib/catalog/catalog-status";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ org }) => catalogStatus({ organizationId: org.organizationId }));
