import type { Metadata } from "next";
import { CarriersPanel } from "@/components/settings/carriers-panel";
import { OrganizationSettingsForm } from "@/components/settings/organization-settings-form";
import { SyncSettingsPanel } from "@/components/settings/sync-settings-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";
import { getOrganization } from "@/lib/organizations/get-organization";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await requireOrgPage((await params).org);
  const organization = await getOrganization({ organizationId: org.organizationId });
  return (
    <>
      <PageHeader title="Settings" description="Organization details, and how Ferry keeps your TikTok shops and Shopify store in step." />
      <div className="space-y-10">
        <OrganizationSettingsForm initial={{ name: organization.name, timeZone: organization.timeZone }} timeZones={Intl.supportedValuesOf("timeZone")} />
        <SyncSettingsPanel />
        <CarriersPanel />
      </div>
    </>
  );
}
