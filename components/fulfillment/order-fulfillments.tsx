"use client";

import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { FulfillmentStatus } from "./fulfillment-status";
import { useOrderFulfillments } from "./use-order-fulfillments";

/** One TikTok order's Shopify fulfillments and what reached TikTok (the Orders page's expanded row). */
export function OrderFulfillments({ org, tiktokConnectionId, tiktokOrderId }: { org: string; tiktokConnectionId: string; tiktokOrderId: string }) {
  const query = useOrderFulfillments(org, tiktokConnectionId, [tiktokOrderId]);
  if (query.isPending) return <Spinner label="Loading fulfillments" />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  const fulfillments = query.data.orders.find((o) => o.tiktokOrderId === tiktokOrderId)?.fulfillments ?? [];
  return (
    <section aria-label={`Fulfillments of TikTok order ${tiktokOrderId}`} className="space-y-1">
      <h3 className="text-sm font-medium text-slate-900">Fulfillment</h3>
      <FulfillmentStatus fulfillments={fulfillments} />
    </section>
  );
}
