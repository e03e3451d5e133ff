import { Plug } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { OverviewSummary } from "@/components/overview/overview-summary";
import { requireOrgPage } from "@/lib/auth/page-access";
import { getOverview } from "@/lib/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: access } = await requireOrgPage((await params).org);
  const org = access.organizationSlug;
  const overview = await getOverview({ organizationId: access.organizationId });
  if (overview.stores.length > 0) {
    return (
      <>
        <PageHeader title="Overview" description="Your stores and mapping progress at a glance." />
        <OverviewSummary org={org} overview={overview} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Overview" description="Connection health, mapping progress and order sync at a glance." />
      <EmptyState
        icon={Plug}
        title="Connect your Shopify store"
        description="Start by connecting your Shopify store and your TikTok Shop. Ferry then imports both catalogs so you can map products and sync orders."
        action={
          <Link href={`/${org}/connections`} className={buttonVariants()}>
            Go to Connections
          </Link>
        }
      />
    </>
  );
}
