import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const organizations = await listUserOrganizations(user.id);
  redirect(organizations[0] ? `/${organizations[0].slug}/overview` : "/organizations/new");
}
