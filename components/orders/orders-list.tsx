"use client";

import { ShoppingCart } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Button, buttonVariants } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Spinner } from "../ui/spinner";
import { OrderStateBadge, orderStateLabel } from "./order-state-badge";
import { OrderFulfillments } from "../fulfillment/order-fulfillments";
import { OrderTimeline } from "./order-timeline";
import { useOrders, useRetryOrder, type OrderFilters, type OrderState } from "./use-orders";

const STATES: OrderState[] = ["NEEDS_ATTENTION", "WAITING", "HELD", "CREATED", "FULFILLED", "TRACKING_SENT", "SKIPPED", "CANCELLED"];

export function OrdersList() {
  const { slug, canWrite } = useOrg();
  const search = useSearchParams();
  const initialState = STATES.find((s) => s === search.get("state"));
  // Links from the Overview (?state=) and from fulfillment Activity entries (?q=the TikTok order id).
  const initialQuery = search.get("q")?.slice(0, 100) || undefined;
  const [filters, setFilters] = useState<OrderFilters>({ ...(initialState && { state: initialState }), ...(initialQuery && { q: initialQuery }) });
  const [open, setOpen] = useState<string | null>(search.get("order"));
  const query = useOrders(slug, filters);
  const retry = useRetryOrder(slug);
  const orders = query.data?.pages.flatMap((p) => p.orders) ?? [];
  const attention = query.data?.pages[0]?.needsAttention ?? 0;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Button variant={filters.state === "NEEDS_ATTENTION" ? "primary" : "secondary"} size="sm" onClick={() => setFilters((f) => ({ ...f, state: f.state === "NEEDS_ATTENTION" ? undefined : "NEEDS_ATTENTION" }))}>
          Needs attention ({attention})
        </Button>
        <Select aria-label="Filter by state" value={filters.state ?? ""} onChange={(e) => setFilters((f) => ({ ...f, state: (e.target.value || undefined) as OrderState | undefined }))}>
          <option value="">All states</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {orderStateLabel(s)}
            </option>
          ))}
        </Select>
        <Input
          aria-label="Find an order"
          className="w-64"
          placeholder="TikTok order id or #1001"
          defaultValue={filters.q ?? ""}
          onKeyDown={(e) => {
            if (e.key === "Enter") setFilters((f) => ({ ...f, q: e.currentTarget.value.trim() || undefined }));
          }}
        />
      </div>
      {query.isPending ? (
        <Spinner label="Loading orders" />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : orders.length === 0 ? (
        filtered ? (
          <EmptyState icon={ShoppingCart} title="Nothing matches these filters" description="Try another state, or clear the search." />
        ) : (
          <EmptyState
            icon={ShoppingCart}
            title="No orders yet"
            description="TikTok orders appear here when they are ready to ship, once your TikTok Shop is connected and paired with your Shopify store."
            action={
              <Link href={`/${slug}/connections`} className={buttonVariants()}>
                Connections
              </Link>
            }
          />
        )
      ) : (
        <Card>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-100 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">TikTok order</th>
                <th className="px-4 py-2 font-medium">TikTok status</th>
                <th className="px-4 py-2 font-medium">Shopify order</th>
                <th className="px-4 py-2 font-medium">State</th>
                <th className="px-4 py-2 font-medium">Details</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((order) => (
                <Fragment key={order.id}>
                  <tr data-testid={`order-${order.tiktokOrderId}`} className="align-top">
                    <td className="px-4 py-3">
                      <div className="font-mono text-slate-900">{order.tiktokOrderId}</div>
                      <div className="text-xs text-slate-500">
                        {[order.shopName, order.totalAmount && order.currency ? `${order.totalAmount} ${order.currency}` : null, order.itemCount ? `${order.itemCount} item${order.itemCount === 1 ? "" : "s"}` : null].filter(Boolean).join(" · ")}
                      </div>
                    </td>
                    <td className="px-4 py-3 text-slate-700">{order.tiktokStatus.replaceAll("_", " ").toLowerCase()}</td>
                    <td className="px-4 py-3">
                      {order.shopifyOrderId ? (
                        order.shopifyOrderUrl ? (
                          <a href={order.shopifyOrderUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">
                            {order.shopifyOrderName ?? "Open in Shopify"}
                          </a>
                        ) : (
                          <span>{order.shopifyOrderName}</span>
                        )
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <OrderStateBadge state={order.state} />
                    </td>
                    <td className="max-w-md px-4 py-3 text-slate-700">{order.lastError ?? order.stateReason ?? ""}</td>
                    <td className="space-x-2 whitespace-nowrap px-4 py-3 text-right">
                      {canWrite && order.canRetry ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={retry.isPending}
                          onClick={() => retry.mutate(order.id, { onSuccess: () => toast.success("Retrying the order."), onError: (error) => toast.error(error.message) })}
                        >
                          Retry
                        </Button>
                      ) : null}
                      <Button size="sm" variant="ghost" aria-expanded={open === order.id} onClick={() => setOpen(open === order.id ? null : order.id)}>
                        Timeline
                      </Button>
                    </td>
                  </tr>
                  {open === order.id ? (
                    <tr>
                      <td colSpan={6} className="space-y-3 bg-slate-50 px-6 py-3">
                        <OrderFulfillments org={slug} tiktokConnectionId={order.tiktokConnectionId} tiktokOrderId={order.tiktokOrderId} />
                        <OrderTimeline org={slug} orderId={order.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
          {query.hasNextPage ? (
            <div className="border-t border-slate-100 p-3 text-center">
              <Button variant="secondary" size="sm" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </Card>
      )}
    </div>
  );
}
