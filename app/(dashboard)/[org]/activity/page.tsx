import type { Metadata } from "next";
import { ActivityList } from "@/components/activity/activity-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Activity" };

// Layouts and pages render in parallel: every page checks access itself.
const levels = new Set(["INFO", "SUCCESS", "WARNING", "ERROR"] as const);
const isLevel = (value: unknown): value is "INFO" | "SUCCESS" | "WARNING" | "ERROR" => typeof value === "string" && levels.has(value as never);

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ level?: string | string[] }> }) {
  await requireOrgPage((await params).org);
  // The Overview links here with ?level=ERROR; anything else starts unfiltered.
  const { level } = await searchParams;
  return (
    <>
      <PageHeader title="Activity" description="Every automatic action: what happened, when, and the result." />
      <ActivityList initialFilters={isLevel(level) ? { level } : {}} />
    </>
  );
}
