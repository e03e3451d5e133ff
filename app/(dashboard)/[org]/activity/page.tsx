import type { Metadata } from "next";
import { ActivityList } from "@/components/activity/activity-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Activity" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function ActivityPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Activity" description="Every automatic action: what happened, when, and the result." />
      <ActivityList />
    </>
  );
}
