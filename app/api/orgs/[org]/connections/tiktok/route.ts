import { z } from "zod";
import { startTikTokConnect } from "@/lib/connections/start-connect";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => {
  await parseJsonBody(request, z.object({}).strict());
  return startTikTokConnect({ org });
});
