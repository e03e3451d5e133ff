import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { startPreviewSchema, startSyncPreview } from "@/lib/product-sync/preview/start-preview";

export const POST = withOrg(async ({ request, org }) => Response.json(await startSyncPreview({ org, input: await parseJsonBody(request, startPreviewSchema) }), { status: 202 }));
