import { z } from "zod";
import { pairTikTokShop } from "@/lib/connections/pair-tiktok-shop";
import { parseJsonBody, parseParams } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";
import { idParamSchema } from "@/lib/team/schemas";

const bodySchema = z.object({ pairedShopifyId: idParamSchema }).strict();

export const PATCH = withOrg(async ({ request, params, org }) => {
  const connectionId = parseParams(params.connectionId, idParamSchema);
  const { pairedShopifyId } = await parseJsonBody(request, bodySchema);
  return { connection: await pairTikTokShop({ org, connectionId, shopifyConnectionId: pairedShopifyId }) };
});
