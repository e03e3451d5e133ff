import { getSessionUser } from "@/lib/auth/session";
import { callbackFailure, callbackRedirect, signInFirst } from "@/lib/connections/callback-redirect";
import { completeTikTokConnect } from "@/lib/connections/complete-tiktok-connect";
import { withPublic } from "@/lib/http/route";

// TikTok's seller authorization redirects here; the merchant then picks which shops to connect.
export const GET = withPublic(async ({ request, requestId }) => {
  const user = await getSessionUser();
  if (!user) return signInFirst(request);
  try {
    const result = await completeTikTokConnect({ query: Object.fromEntries(request.nextUrl.searchParams), userId: user.id });
    return callbackRedirect({ organizationSlug: result.organizationSlug, params: { select: result.authorizationId } });
  } catch (error) {
    return callbackFailure(error, requestId);
  }
});
