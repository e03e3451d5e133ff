"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

/** One Shopify fulfillment of a TikTok order as GET /api/orgs/[org]/fulfillments answers it. */
export interface FulfillmentView {
  id: string;
  state: "SENDING" | "TRACKING_SENT" | "FAILED" | "SKIPPED";
  stateLabel: string;
  shopifyOrderId: string;
  shopifyFulfillmentId: string;
  trackingNumber: string | null;
  trackingCompany: string | null;
  shippingProvider: { id: string; name: string | null } | null;
  tiktokPackageId: string | null;
  tiktokStatus: string | null;
  tiktokStatusAt: string | null;
  shippedAt: string | null;
  trackingUpdatedAt: string | null;
  lastError: string | null;
  updatedAt: string;
}

export interface OrderFulfillments {
  orders: { tiktokOrderId: string; fulfillments: FulfillmentView[] }[];
}

/** Fulfillment state for a page of one shop's TikTok orders (up to 100 ids). */
export function useOrderFulfillments(org: string, tiktokConnectionId: string, orderIds: readonly string[]) {
  return useQuery({
    queryKey: orgKeys.fulfillments(org, tiktokConnectionId, orderIds),
    queryFn: () => fetchJson<OrderFulfillments>(`/api/orgs/${org}/fulfillments?${new URLSearchParams({ tiktokConnectionId, orderIds: orderIds.join(",") })}`),
    enabled: orderIds.length > 0,
  });
}

/** "Retry" on a fulfillment that needs attention. */
export function useRetryFulfillment(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fulfillmentId: string) => fetchJson(`/api/orgs/${org}/fulfillments/${fulfillmentId}/retry`, { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: orgKeys.fulfillmentsAll(org) }),
  });
}
