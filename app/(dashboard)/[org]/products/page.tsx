import type { Metadata } from "next";
import { ProductsPanel } from "@/components/products/products-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Products" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function ProductsPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Products" description="Map TikTok products to Shopify variants: Unmapped Products, Mapped Products and Needs attention." />
      <ProductsPanel />
    </>
  );
}
