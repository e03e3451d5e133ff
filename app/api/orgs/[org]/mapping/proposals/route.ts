import { z } from "zod";
import { computeProposals, reviewPageQuerySchema } from "@/lib/mapping/compute-proposals";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

const bodySchema = reviewPageQuerySchema.extend({ tiktokConnectionId: z.string().min(1).max(40) }).strict();

// A POST because the review model is computed for a body of options; it changes nothing, so viewers may look.
export const POST = withOrg(
  async ({ request, org }) => computeProposals({ organizationId: org.organizationId, ...(await parseJsonBody(request, bodySchema)) }),
  { minRole: "VIEWER" },
);
