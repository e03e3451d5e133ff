import { Package } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: access } = await requireOrgPage((await params).org);
  const org = access.organizationSlug;
  return (
    <>
      <PageHeader title="Products" description="Map TikTok products to Shopify products: Unmapped Products, Mapped Products and Needs attention." />
      <EmptyState
        icon={Package}
        title="No products yet"
        description="Products appear here once a TikTok Shop and a Shopify store are connected and their catalogs are imported."
        action={
          <Link href={`/${org}/connections`} className={buttonVariants()}>
            Connect your stores
          </Link>
        }
      />
    </>
  );
}
