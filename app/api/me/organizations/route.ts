import { z } from "zod";
import { createOrganization } from "@/lib/organizations/create-organization";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";
import { organizationNameSchema } from "@/lib/organizations/schemas";
import { parseJsonBody } from "@/lib/http/parse";
import { withUser } from "@/lib/http/route";

export const GET = withUser(async ({ user }) => ({ organizations: await listUserOrganizations(user.id) }));

const createSchema = z.object({ name: organizationNameSchema }).strict();

export const POST = withUser(async ({ request, user }) => {
  const { name } = await parseJsonBody(request, createSchema);
  const organization = await createOrganization({ userId: user.id, name });
  return Response.json({ organization }, { status: 201 });
});
