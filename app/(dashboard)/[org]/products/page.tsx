import type { Metadata } from "next";
import Link from "next/link";
import { isProductTab } from "@/components/products/product-filters";
import { ProductsPanel } from "@/components/products/products-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";
import { autoSyncShopIds } from "@/lib/product-sync/shops-with-auto-sync";

export const metadata: Metadata = { title: "Products" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function ProductsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  const { org } = await requireOrgPage((await params).org);
  const { tab } = await searchParams;
  const autoSyncShops = await autoSyncShopIds({ organizationId: org.organizationId });
  return (
    <>
      <PageHeader
        title="Products"
        description="Map TikTok products to Shopify variants: Unmapped Products, Mapped Products and Needs attention."
        actions={
          <Link href={`/${org.organizationSlug}/products/bulk-edit`} className="text-sm font-medium text-brand-600 hover:underline">
            Bulk edit TikTok listings
          </Link>
        }
      />
      <ProductsPanel initialTab={isProductTab(tab) ? tab : undefined} autoSyncShops={autoSyncShops} />
    </>
  );
}
