import { getInvitation } from "@/lib/team/accept-invitation";
import { withPublic } from "@/lib/http/route";

export const GET = withPublic(async ({ params }) => ({
  invitation: await getInvitation({ token: typeof params.token === "string" ? params.token : "" }),
}));
