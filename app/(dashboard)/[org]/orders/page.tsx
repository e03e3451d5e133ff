import { ShoppingCart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: access } = await requireOrgPage((await params).org);
  const org = access.organizationSlug;
  return (
    <>
      <PageHeader title="Orders" description="Every TikTok order, its state in both stores, and what needs attention." />
      <EmptyState
        icon={ShoppingCart}
        title="No orders yet"
        description="TikTok orders appear here when they are ready to ship, once your TikTok Shop is connected and paired with your Shopify store."
        action={
          <Link href={`/${org}/connections`} className={buttonVariants()}>
            Connect your TikTok Shop
          </Link>
        }
      />
    </>
  );
}
