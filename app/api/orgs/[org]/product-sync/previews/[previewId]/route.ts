import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { getPreviewQuerySchema, getSyncPreview } from "@/lib/product-sync/preview/get-preview";
import { idParamSchema } from "@/lib/team/schemas";

export const GET = withOrg(async ({ request, params, org }) =>
  getSyncPreview({
    organizationId: org.organizationId,
    previewId: parseParams(params.previewId, idParamSchema),
    query: getPreviewQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)),
  }),
);
