import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { isAppError } from "../errors";
import { resolveOrgAccess, type OrgContext } from "./org-access";
import { getSessionUser, type SessionUser } from "./session";

/** For server components: the signed-in user, or a redirect to sign-in. */
export const requirePageUser = cache(async (returnTo: string): Promise<SessionUser> => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
});

/** For pages under /[org]: membership read from the database; another tenant's slug is a 404. */
export const requireOrgPage = cache(async (slug: string): Promise<{ user: SessionUser; org: OrgContext }> => {
  const user = await requirePageUser(`/${slug}/overview`);
  try {
    return { user, org: await resolveOrgAccess({ slug, userId: user.id }) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
