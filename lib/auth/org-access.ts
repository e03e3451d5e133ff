import { db } from "../db";
import { AppError, forbidden, notFound } from "../errors";
import { hasRole, type Role } from "./roles";

export interface OrgContext {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  userId: string;
  role: Role;
}

export interface ResolveOrgAccessOptions {
  slug: string;
  userId: string;
  minRole?: Role;
}

/**
 * Reads membership and role from the database on every request, so a removal or demotion takes
 * effect at once. An organization the user does not belong to is indistinguishable from one that
 * does not exist (404, never 403).
 */
export async function resolveOrgAccess({ slug, userId, minRole = "VIEWER" }: ResolveOrgAccessOptions): Promise<OrgContext> {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) throw notFound("Organization not found.");
  const membership = await db().membership.findFirst({
    where: { userId, organization: { slug } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw notFound("Organization not found.");
  if (!hasRole(membership.role, minRole)) {
    throw minRole === "OWNER" ? forbidden("Only an owner can do this.") : forbidden("Viewers can look but not change anything. Ask an admin.");
  }
  return {
    organizationId: membership.organization.id,
    organizationSlug: membership.organization.slug,
    organizationName: membership.organization.name,
    userId,
    role: membership.role,
  };
}

export function assertCanWrite(ctx: OrgContext): void {
  if (!hasRole(ctx.role, "ADMIN")) throw new AppError("FORBIDDEN", "Viewers can look but not change anything. Ask an admin.");
}
