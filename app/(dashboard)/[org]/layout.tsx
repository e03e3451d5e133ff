import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireOrgPage } from "@/lib/auth/page-access";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { user, org } = await requireOrgPage(slug);
  const organizations = await listUserOrganizations(user.id);
  return (
    <AppShell
      org={{ slug: org.organizationSlug, name: org.organizationName, role: org.role }}
      organizations={organizations.map(({ slug, name }) => ({ slug, name }))}
      user={{ email: user.email, name: user.name }}
    >
      {children}
    </AppShell>
  );
}
