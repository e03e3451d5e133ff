import { z } from "zod";
import { startShopifyConnect } from "@/lib/connections/start-connect";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

const bodySchema = z.object({ shop: z.string().max(255) }).strict();

export const POST = withOrg(async ({ request, org }) => {
  const { shop } = await parseJsonBody(request, bodySchema);
  return startShopifyConnect({ org, shop });
});
