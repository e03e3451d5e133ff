import { db, type Prisma } from "../db";
import { organizationSlug } from "./slug";
import { organizationNameSchema } from "./schemas";

export interface CreateOrganizationOptions {
  userId: string;
  name: string;
  tx?: Prisma.TransactionClient;
}

/** Creates an organization with the user as its owner. */
export async function createOrganization({ userId, name, tx }: CreateOrganizationOptions) {
  const client = tx ?? db();
  const validName = organizationNameSchema.parse(name);
  return client.organization.create({
    data: {
      name: validName,
      slug: organizationSlug(validName),
      memberships: { create: { userId, role: "OWNER" } },
    },
    select: { id: true, slug: true, name: true },
  });
}
