import { parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { requestProductSync } from "@/lib/product-sync/request-product-sync";
import { idParamSchema } from "@/lib/team/schemas";

export const POST = withOrg(async ({ params, org }) => Response.json(await requestProductSync({ org, tiktokProductId: parseParams(params.productId, idParamSchema) }), { status: 202 }));
