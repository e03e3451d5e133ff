import { acceptInvitation } from "@/lib/team/accept-invitation";
import { withUser } from "@/lib/http/route";

export const POST = withUser(async ({ params, user }) =>
  acceptInvitation({ token: typeof params.token === "string" ? params.token : "", userId: user.id, userEmail: user.email }),
);
