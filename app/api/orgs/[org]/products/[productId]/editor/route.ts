import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { getProductEditor } from "@/lib/product-edit/get-product-editor";
import { idParamSchema } from "@/lib/team/schemas";

export const GET = withOrg(async ({ params, org }) => getProductEditor({ organizationId: org.organizationId, tiktokProductId: parseParams(params.productId, idParamSchema) }));
