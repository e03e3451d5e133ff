import type { Metadata } from "next";
import { OrganizationSettingsForm } from "@/components/settings/organization-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";
import { getOrganization } from "@/lib/organizations/get-organization";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await requireOrgPage((await params).org);
  const organization = await getOrganization({ organizationId: org.organizationId });
  return (
    <>
      <PageHeader title="Settings" description="Organization details. Sync settings (Auto-sync, price and inventory rules) appear here once stores are connected." />
      <OrganizationSettingsForm initial={{ name: organization.name, timeZone: organization.timeZone }} timeZones={Intl.supportedValuesOf("timeZone")} />
    </>
  );
}
