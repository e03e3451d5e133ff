import { getMappingBatch } from "@/lib/mapping/get-mapping-batch";
import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

export const GET = withOrg(async ({ params, org }) =>
  getMappingBatch({ organizationId: org.organizationId, batchId: parseParams(params.batchId, idParamSchema) }),
);
