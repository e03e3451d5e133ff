import { NextResponse, type NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { withRequestLog } from "@/lib/request-log";

// Inngest (Cloud, self-hosted, or the local runner) syncs and invokes functions here. The SDK checks
// request signatures in cloud mode; this route is not org-scoped because no user calls it.
const handlers = serve({ client: inngest, functions });

// Every function id the SDK serves, with the extra `-failure` function of each onFailure.
const functionIds = new Set(functions.flatMap((fn) => [fn.id(inngest.id), `${fn.id(inngest.id)}-failure`]));

const badRequest = (message: string) => NextResponse.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 });

// Inngest always sends JSON, and invokes a function it synced by its id. The SDK answers anything
// else with a 500 and a stack trace; refuse it as the bad request it is before the SDK sees it.
function checked(handler: (request: NextRequest, context: unknown) => Promise<Response>) {
  return async (request: NextRequest, context: unknown): Promise<Response> => {
    const params = request.nextUrl.searchParams;
    if (request.method === "POST" && !params.has("probe") && !functionIds.has(params.get("fnId") ?? "")) return badRequest("Unknown or missing fnId.");
    const body = await request.text();
    if (body !== "") {
      try {
        JSON.parse(body);
      } catch {
        return badRequest("The request body is not valid JSON.");
      }
    }
    const replay = new Request(request.url, { method: request.method, headers: request.headers, body: body === "" ? undefined : body });
    return handler(replay as NextRequest, context);
  };
}

// Which function and step a call is for: ids only, so a request line joins the step lines.
const ids = (request: Request) => {
  const query = new URL(request.url).searchParams;
  return { fnId: query.get("fnId") ?? undefined, stepId: query.get("stepId") ?? undefined };
};

export const GET = withRequestLog(handlers.GET, { fields: ids });
export const POST = withRequestLog(checked(handlers.POST as (request: NextRequest, context: unknown) => Promise<Response>), { fields: ids });
export const PUT = withRequestLog(checked(handlers.PUT as (request: NextRequest, context: unknown) => Promise<Response>), { fields: ids });
