import { mapSkus, mapSkusSchema } from "@/lib/mapping/map-skus";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => mapSkus({ org, input: await parseJsonBody(request, mapSkusSchema) }));
