import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { bulkEditProducts, bulkEditSchema } from "@/lib/product-edit/bulk-edit";

// Preview (dryRun) or apply one override to up to 50 listings; ADMIN (withOrg's default for writes).
export const POST = withOrg(async ({ request, org }) => bulkEditProducts({ org, input: await parseJsonBody(request, bulkEditSchema) }));
