import { NextResponse } from "next/server";
import { env } from "../env";
import { isAppError } from "../errors";
import { signFlash } from "../http/flash";
import { log } from "../log";

/** Where an OAuth callback sends the browser: the organization's Connections page, with a signed message. */
export function callbackRedirect(options: { organizationSlug?: string; params?: Record<string, string> }): NextResponse {
  const url = new URL(options.organizationSlug ? `/${options.organizationSlug}/connections` : "/", env().APP_URL);
  for (const [key, value] of Object.entries(options.params ?? {})) url.searchParams.set(key, value);
  return NextResponse.redirect(url, 303);
}

/** A failed callback: the merchant lands back on Connections with the reason (never a stack trace). */
export function callbackFailure(error: unknown, requestId: string): NextResponse {
  const slug = (error as { organizationSlug?: string }).organizationSlug;
  const message = isAppError(error)
    ? error.message
    : `The connection could not be completed: the platform did not answer as expected. Try again. Reference: ${requestId}`;
  if (!isAppError(error)) log.error("oauth callback failed", { requestId, error });
  return callbackRedirect({ organizationSlug: slug, params: { error: signFlash(message) } });
}

/** The state is bound to the member who started the flow: a signed-out browser signs in and comes back here. */
export function signInFirst(request: { nextUrl: URL }): NextResponse {
  const back = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, env().APP_URL), 303);
}
