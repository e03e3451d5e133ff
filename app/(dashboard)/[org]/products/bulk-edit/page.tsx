import type { Metadata } from "next";
import Link from "next/link";
import { BulkEditPanel } from "@/components/product-edit/bulk-edit-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Bulk edit" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function BulkEditPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await requireOrgPage((await params).org);
  return (
    <>
      <Link href={`/${org.organizationSlug}/products?tab=mapped`} className="text-sm text-brand-600 hover:underline">
        ← Products
      </Link>
      <PageHeader title="Bulk edit" description="Apply one TikTok override to a selection of mapped products: preview it, then save and push." />
      <BulkEditPanel />
    </>
  );
}
