import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { withRequestLog } from "@/lib/request-log";

// Inngest (Cloud, self-hosted, or the local runner) syncs and invokes functions here. The SDK checks
// request signatures in cloud mode; this route is not org-scoped because no user calls it.
const handlers = serve({ client: inngest, functions });

// Which function and step a call is for: ids only, so a request line joins the step lines.
const ids = (request: Request) => {
  const query = new URL(request.url).searchParams;
  return { fnId: query.get("fnId") ?? undefined, stepId: query.get("stepId") ?? undefined };
};

export const GET = withRequestLog(handlers.GET, { fields: ids });
export const POST = withRequestLog(handlers.POST, { fields: ids });
export const PUT = withRequestLog(handlers.PUT, { fields: ids });
