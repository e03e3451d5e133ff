import { getSessionUser } from "@/lib/auth/session";
import { callbackFailure, callbackRedirect, signInFirst } from "@/lib/connections/callback-redirect";
import { completeShopifyConnect } from "@/lib/connections/complete-shopify-connect";
import { withPublic } from "@/lib/http/route";

// Shopify's install page redirects here. The state is bound to the member who started the flow, so
// a signed-out browser signs in first and comes back to this same URL.
export const GET = withPublic(async ({ request, requestId }) => {
  const user = await getSessionUser();
  if (!user) return signInFirst(request);
  try {
    const { organizationSlug } = await completeShopifyConnect({ query: request.nextUrl.searchParams, userId: user.id });
    return callbackRedirect({ organizationSlug, params: { connected: "shopify" } });
  } catch (error) {
    return callbackFailure(error, requestId);
  }
});
