import { undoMappingBatch } from "@/lib/mapping/unmap";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => undoMappingBatch({ org, batchId: parseParams(params.batchId, idParamSchema) }));
