"use client";

import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { useOrder } from "./use-orders";

export function OrderTimeline({ org, orderId }: { org: string; orderId: string }) {
  const detail = useOrder(org, orderId);
  if (detail.isPending) return <Spinner label="Loading the timeline" />;
  if (detail.isError) return <ErrorState message={detail.error.message} onRetry={() => detail.refetch()} />;
  return (
    <ol aria-label={`Timeline of TikTok order ${detail.data.order.tiktokOrderId}`} className="space-y-1 border-l border-slate-200 pl-4 text-sm">
      {detail.data.timeline.map((event) => (
        <li key={event.id}>
          <time dateTime={event.at} className="mr-2 text-xs text-slate-500">
            {new Date(event.at).toLocaleString()}
          </time>
          <span className="text-slate-800">{event.message}</span>
        </li>
      ))}
    </ol>
  );
}
