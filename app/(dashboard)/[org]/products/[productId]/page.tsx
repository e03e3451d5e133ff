import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductEditor } from "@/components/product-edit/product-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";
import { findEditableProduct } from "@/lib/product-edit/find-editable-product";

export const metadata: Metadata = { title: "Product" };

// Layouts and pages render in parallel: every page checks access itself. Another tenant's product is a 404.
export default async function ProductPage({ params }: { params: Promise<{ org: string; productId: string }> }) {
  const { org: slug, productId } = await params;
  const { org } = await requireOrgPage(slug);
  const product = await findEditableProduct({ organizationId: org.organizationId, tiktokProductId: productId });
  if (!product) notFound();
  return (
    <>
      <Link href={`/${org.organizationSlug}/products?tab=mapped`} className="text-sm text-brand-600 hover:underline">
        ← Products
      </Link>
      <PageHeader title={product.title} description={`${product.shopName} · TikTok product ${product.externalId}`} />
      <ProductEditor productId={product.id} />
    </>
  );
}
