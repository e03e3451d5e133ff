import type { Metadata } from "next";
import { ConnectionCards } from "@/components/connections/connection-cards";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Connections" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function ConnectionsPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Connections" description="Connect your stores. Ferry never asks you to paste API keys." />
      <ConnectionCards />
    </>
  );
}
