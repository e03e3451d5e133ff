import { parseJsonBody, parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { pushEditSchema, pushProductEdit } from "@/lib/product-edit/push-product-edit";
import { idParamSchema } from "@/lib/team/schemas";

// "Preview" (dryRun) and "Save and push" from the product editor; ADMIN (withOrg's default for writes).
export const POST = withOrg(async ({ request, params, org }) =>
  pushProductEdit({ org, tiktokProductId: parseParams(params.productId, idParamSchema), input: await parseJsonBody(request, pushEditSchema) }),
);
