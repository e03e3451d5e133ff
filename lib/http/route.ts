import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { resolveOrgAccess, type OrgContext } from "../auth/org-access";
import type { Role } from "../auth/roles";
import { requireSessionUser, type SessionUser } from "../auth/session";
import { env } from "../env";
import { AppError } from "../errors";
import { isSecretKey, log } from "../log";
import { errorResponse } from "./error-response";

type Params = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<Params> };

interface BaseContext {
  request: NextRequest;
  params: Params;
  requestId: string;
}
export type PublicContext = BaseContext;
export interface UserContext extends BaseContext {
  user: SessionUser;
}
export interface OrgRouteContext extends UserContext {
  org: OrgContext;
}

type Result = Response | object | null;
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function toResponse(result: Result, requestId: string): Response {
  if (result instanceof Response) {
    result.headers.set("x-request-id", requestId);
    return result;
  }
  if (result === null) return new NextResponse(null, { status: 204, headers: { "x-request-id": requestId } });
  return NextResponse.json(result, { headers: { "x-request-id": requestId } });
}

// Cookies ride along on cross-site form posts; a state-changing request must come from our own origin.
function assertSameOrigin(request: NextRequest): void {
  if (safeMethods.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (!origin) return; // non-browser clients (no cookies sent cross-site) omit Origin
  const allowed = new Set([new URL(env().APP_URL).origin, request.nextUrl.origin]);
  if (!allowed.has(origin)) throw new AppError("FORBIDDEN", "Cross-origin request refused.");
}

/**
 * The path as logged: segments filled by a route parameter whose name marks a credential (the invitation
 * `[token]`) are masked, because lib/log.ts redacts by key and cannot see inside a path.
 */
export function loggedPath(pathname: string, params: Params): string {
  const secrets = new Set(
    Object.entries(params)
      .filter(([key]) => isSecretKey(key))
      .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
      .filter((value): value is string => typeof value === "string" && value !== ""),
  );
  if (secrets.size === 0) return pathname;
  return pathname
    .split("/")
    .map((segment) => (secrets.has(segment) || secrets.has(safeDecode(segment)) ? "[redacted]" : segment))
    .join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function wrap<C extends BaseContext>(build: (base: BaseContext) => Promise<C>, handler: (ctx: C) => Promise<Result>) {
  return async (request: NextRequest, routeContext: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const fields: Record<string, unknown> = { requestId, method: request.method };
    // Until the params are known, the path cannot be masked, so it is not logged at all.
    let params: Params | undefined;
    let response: Response;
    try {
      params = (await routeContext?.params) ?? {};
      assertSameOrigin(request);
      const ctx = await build({ request, params, requestId });
      if ("user" in ctx) fields.userId = (ctx as unknown as UserContext).user.id;
      if ("org" in ctx) fields.organizationId = (ctx as unknown as OrgRouteContext).org.organizationId;
      response = toResponse(await handler(ctx), requestId);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    const path = params ? loggedPath(request.nextUrl.pathname, params) : "[unresolved]";
    log.info("request", { ...fields, path, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  };
}

function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

/** A route anyone may call (sign-up, invitation look-up). */
export function withPublic(handler: (ctx: PublicContext) => Promise<Result>) {
  return wrap(async (base) => base, handler);
}

/** A route for any signed-in user, outside an organization. */
export function withUser(handler: (ctx: UserContext) => Promise<Result>) {
  return wrap(async (base) => ({ ...base, user: await requireSessionUser() }), handler);
}

export interface WithOrgOptions {
  /** Reads default to VIEWER; every other method defaults to ADMIN, so a viewer can never write by accident. */
  minRole?: Role;
}

/** A route under /api/orgs/[org]/…: session → membership → role, then the handler with the org context. */
export function withOrg(handler: (ctx: OrgRouteContext) => Promise<Result>, options: WithOrgOptions = {}) {
  return wrap(async (base) => {
    const user = await requireSessionUser();
    const slug = typeof base.params.org === "string" ? base.params.org : "";
    const minRole = options.minRole ?? (safeMethods.has(base.request.method) ? "VIEWER" : "ADMIN");
    const org = await resolveOrgAccess({ slug, userId: user.id, minRole });
    return { ...base, user, org };
  }, handler);
}
