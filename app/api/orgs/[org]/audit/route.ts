import { listAudit, listAuditQuerySchema } from "@/lib/audit/list-audit";
import { withOrg } from "@/lib/http/route";

// Owners only: the audit log names members and what they did.
export const GET = withOrg(
  async ({ request, org }) => listAudit({ organizationId: org.organizationId, query: listAuditQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)) }),
  { minRole: "OWNER" },
);
