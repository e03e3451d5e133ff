import type { Metadata } from "next";
import { readConnectReturn } from "@/components/connections/connect-return";
import { ConnectionsPanel } from "@/components/connections/connections-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";
import { readFlash } from "@/lib/http/flash";

export const metadata: Metadata = { title: "Connections" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function ConnectionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOrgPage((await params).org);
  const query = await searchParams;
  // The callbacks sign their error text: a crafted link cannot make the page show text of its choosing.
  const error = readFlash(typeof query.error === "string" ? query.error : undefined);
  return (
    <>
      <PageHeader title="Connections" description="Connect your stores. Ferry never asks you to paste API keys." />
      <ConnectionsPanel initialReturn={readConnectReturn({ ...query, error: error ?? undefined })} />
    </>
  );
}
