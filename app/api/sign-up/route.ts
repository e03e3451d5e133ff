import { signUp, signUpSchema } from "@/lib/auth/sign-up";
import { parseJsonBody } from "@/lib/http/parse";
import { withPublic } from "@/lib/http/route";

export const POST = withPublic(async ({ request }) => {
  const input = await parseJsonBody(request, signUpSchema);
  const result = await signUp(input);
  return Response.json({ organizationSlug: result.organizationSlug }, { status: 201 });
});
