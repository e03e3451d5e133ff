import { startMappingBatch, startMappingBatchSchema } from "@/lib/mapping/start-mapping-batch";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) =>
  Response.json(await startMappingBatch({ org, input: await parseJsonBody(request, startMappingBatchSchema) }), { status: 202 }),
);
