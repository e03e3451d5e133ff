import { z } from "zod";
import { unmapProduct } from "@/lib/mapping/unmap";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

const bodySchema = z.object({ tiktokProductId: z.string().min(1).max(40) }).strict();

export const POST = withOrg(async ({ request, org }) => unmapProduct({ org, ...(await parseJsonBody(request, bodySchema)) }));
