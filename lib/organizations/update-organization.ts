import { db } from "../db";
import type { UpdateOrganizationInput } from "./schemas";

export interface UpdateOrganizationOptions {
  organizationId: string;
  input: UpdateOrganizationInput;
}

export async function updateOrganization({ organizationId, input }: UpdateOrganizationOptions) {
  return db().organization.update({
    where: { id: organizationId },
    data: { name: input.name, timeZone: input.timeZone },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
}
