import { db } from "../db";

export async function listUserOrganizations(userId: string) {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}
