import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { TeamPanel } from "@/components/team/team-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ org: string }> }) {
  const { user, org } = await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Team" description="Members and their roles. Owners and admins invite and manage members; viewers can look at everything and change nothing." />
      <div className="space-y-10">
        <TeamPanel currentUserId={user.id} />
        {org.role === "OWNER" ? <AuditLog org={org.organizationSlug} /> : null}
      </div>
    </>
  );
}
