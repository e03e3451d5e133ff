import { randomUUID } from "node:crypto";
import { log } from "./log";

type Handler<R extends Request, A extends unknown[]> = (request: R, ...rest: A) => Response | Promise<Response>;

export interface WithRequestLogOptions {
  /** Extra fields from the request that are safe to log (never query strings or bodies wholesale). */
  fields?: (request: Request) => Record<string, unknown>;
}

/**
 * The one `request` line per request that lib/http/route.ts writes, for routes whose handler comes
 * from a library (next-auth, the Inngest SDK) and so cannot go through withPublic/withOrg. Only the
 * path is logged: next-auth callbacks carry codes and states in the query.
 */
export function withRequestLog<R extends Request, A extends unknown[]>(handler: Handler<R, A>, options: WithRequestLogOptions = {}): (request: R, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const started = performance.now();
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const fields = { requestId, method: request.method, path: new URL(request.url).pathname, ...options.fields?.(request) };
    try {
      const response = await handler(request, ...rest);
      log.info("request", { ...fields, status: response.status, ms: Math.round(performance.now() - started) });
      return response;
    } catch (error) {
      log.error("request", { ...fields, status: 500, ms: Math.round(performance.now() - started), error });
      throw error;
    }
  };
}
