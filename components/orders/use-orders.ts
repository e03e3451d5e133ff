"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type OrderState = "WAITING" | "HELD" | "CREATED" | "NEEDS_ATTENTION" | "SKIPPED" | "CANCELLED" | "FULFILLED" | "TRACKING_SENT";

export interface OrderView {
  id: string;
  tiktokOrderId: string;
  tiktokConnectionId: string;
  tiktokStatus: string;
  state: OrderState;
  stateReason: string | null;
  lastError: string | null;
  shopifyOrderId: string | null;
  shopifyOrderName: string | null;
  shopifyOrderUrl: string | null;
  shopName: string | null;
  currency: string | null;
  totalAmount: string | null;
  itemCount: number | null;
  isSample: boolean;
  canRetry: boolean;
  tiktokCreatedAt: string | null;
  importedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderFilters {
  state?: OrderState;
  q?: string;
}

// Orders move in the background (webhooks, the import job): the list refreshes itself.
const REFRESH_MS = 5000;

export function useOrders(org: string, filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: orgKeys.orders(org, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (pageParam) params.set("cursor", pageParam);
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      return fetchJson<{ orders: OrderView[]; nextCursor: string | null; needsAttention: number }>(`/api/orgs/${org}/orders?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: REFRESH_MS,
  });
}

export function useOrder(org: string, orderId: string | null) {
  return useQuery({
    queryKey: orgKeys.order(org, orderId ?? ""),
    enabled: !!orderId,
    queryFn: () => fetchJson<{ order: OrderView; timeline: { id: string; kind: string; message: string; at: string }[] }>(`/api/orgs/${org}/orders/${orderId}`),
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryOrder(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => fetchJson<{ queued: boolean }>(`/api/orgs/${org}/orders/${orderId}/retry`, { method: "POST" }),
    onSuccess: () => {
      for (const delay of [0, 1500, 4000]) setTimeout(() => queryClient.invalidateQueries({ queryKey: orgKeys.all(org) }), delay);
    },
  });
}
