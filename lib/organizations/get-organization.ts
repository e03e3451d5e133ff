import { db } from "../db";
import { notFound } from "../errors";

export async function getOrganization({ organizationId }: { organizationId: string }) {
  const organization = await db().organization.findUnique({
    where: { id: organizationId },
    select: { id: true, slug: true, name: true, timeZone: true, createdAt: true },
  });
  if (!organization) throw notFound("Organization not found.");
  return { ...organization, createdAt: organization.createdAt.toISOString() };
}
