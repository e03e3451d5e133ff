import type { Metadata } from "next";
import { Suspense } from "react";
import { OrdersList } from "@/components/orders/orders-list";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import { requireOrgPage } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Orders" };

// Layouts and pages render in parallel: every page checks access itself.
export default async function OrdersPage({ params }: { params: Promise<{ org: string }> }) {
  await requireOrgPage((await params).org);
  return (
    <>
      <PageHeader title="Orders" description="Every TikTok order, its state in both stores, and what needs attention." />
      <Suspense fallback={<Spinner label="Loading orders" />}>
        <OrdersList />
      </Suspense>
    </>
  );
}
