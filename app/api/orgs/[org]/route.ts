import { getOrganization } from "@/lib/organizations/get-organization";
import { updateOrganizationSchema } from "@/lib/organizations/schemas";
import { updateOrganization } from "@/lib/organizations/update-organization";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ org }) => ({
  organization: await getOrganization({ organizationId: org.organizationId }),
  role: org.role,
}));

export const PATCH = withOrg(async ({ request, org }) => {
  const input = await parseJsonBody(request, updateOrganizationSchema);
  return { organization: await updateOrganization({ org, input }) };
});
