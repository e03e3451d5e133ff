import type { Metadata } from "next";
import { TeamPanel } from "@/components/team/team-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ org: string }> }) {
  const { user } = await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Team" description="Members and their roles. Owners and admins invite and manage members; viewers can look at everything and change nothing." />
      <TeamPanel currentUserId={user.id} />
    </>
  );
}
