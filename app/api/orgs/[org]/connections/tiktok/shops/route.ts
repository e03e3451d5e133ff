import { connectTikTokShops, connectTikTokShopsSchema } from "@/lib/connections/connect-tiktok-shops";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => connectTikTokShops({ org, input: await parseJsonBody(request, connectTikTokShopsSchema) }));
