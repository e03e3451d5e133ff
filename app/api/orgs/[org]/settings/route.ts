import { getSettingsOverview } from "@/lib/settings/get-settings-overview";
import { updateSettings, updateSettingsSchema } from "@/lib/settings/update-settings";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ org }) => getSettingsOverview({ organizationId: org.organizationId }));

export const PATCH = withOrg(async ({ request, org }) => updateSettings({ org, input: await parseJsonBody(request, updateSettingsSchema) }));
