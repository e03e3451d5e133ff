"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import type { ConnectionsList } from "./connection-types";

const base = (org: string) => `/api/orgs/${org}/connections`;

export function useConnections(org: string) {
  return useQuery({ queryKey: orgKeys.connections(org), queryFn: () => fetchJson<ConnectionsList>(base(org)) });
}

function useConnectionsMutation<I, O>(org: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.connections(org) }) });
}

// The browser leaves for the platform's consent page; the callback brings it back to this page.
function useStartConnect<I>(mutationFn: (input: I) => Promise<{ authorizeUrl: string }>) {
  return useMutation({ mutationFn, onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl) });
}

export function useStartShopifyConnect(org: string) {
  return useStartConnect((shop: string) => fetchJson<{ authorizeUrl: string }>(`${base(org)}/shopify`, { method: "POST", body: { shop } }));
}

export function useStartTikTokConnect(org: string) {
  return useStartConnect(() => fetchJson<{ authorizeUrl: string }>(`${base(org)}/tiktok`, { method: "POST", body: {} }));
}

export function useConnectTikTokShops(org: string) {
  return useConnectionsMutation(org, (input: { authorizationId: string; shops: { shopId: string; shopifyConnectionId: string }[] }) =>
    fetchJson<{ connected: { id: string; name: string }[] }>(`${base(org)}/tiktok/shops`, { method: "POST", body: input }),
  );
}

export function usePairTikTokShop(org: string) {
  return useConnectionsMutation(org, ({ id, pairedShopifyId }: { id: string; pairedShopifyId: string }) =>
    fetchJson(`${base(org)}/${id}`, { method: "PATCH", body: { pairedShopifyId } }),
  );
}

export function useDisconnectConnection(org: string) {
  return useConnectionsMutation(org, (id: string) => fetchJson(`${base(org)}/${id}/disconnect`, { method: "POST" }));
}

export function useCheckConnection(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<{ eventId: string }>(`${base(org)}/${id}/check`, { method: "POST" }),
    // The check runs in the background; refresh shortly after, and again a little later.
    onSuccess: () => {
      for (const delay of [1500, 5000]) setTimeout(() => queryClient.invalidateQueries({ queryKey: orgKeys.connections(org) }), delay);
    },
  });
}
