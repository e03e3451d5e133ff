"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { productsQueryString, type ProductFilters } from "./product-filters";
import type { CatalogStatus, ProductList } from "./product-types";

const PAGE_SIZE = 25;
const POLL_MS = 2_000;

export function useProducts(org: string, filters: ProductFilters) {
  const key = { tab: filters.tab, q: filters.q.trim(), shop: filters.shop, status: filters.status };
  return useInfiniteQuery({
    queryKey: orgKeys.products(org, key),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchJson<ProductList>(`/api/orgs/${org}/products?${productsQueryString({ filters, cursor: pageParam, limit: PAGE_SIZE })}`),
    getNextPageParam: (last) => last.nextCursor,
    // Keeps the table on screen while the next search's first page loads.
    placeholderData: (previous) => previous,
  });
}

// When a running import ends, the product lists change under it: refetch them.
async function fetchCatalogStatus({ org, queryClient }: { org: string; queryClient: QueryClient }): Promise<CatalogStatus> {
  const before = queryClient.getQueryData<CatalogStatus>(orgKeys.catalogStatus(org));
  const status = await fetchJson<CatalogStatus>(`/api/orgs/${org}/catalog`);
  if (before?.importing && !status.importing) void queryClient.invalidateQueries({ queryKey: orgKeys.products(org) });
  return status;
}

/** Stores and their imports; polled every 2 s while an import runs or one was just requested. */
export function useCatalogStatus(org: string, { expectImportUntil }: { expectImportUntil: number }) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: orgKeys.catalogStatus(org),
    queryFn: () => fetchCatalogStatus({ org, queryClient }),
    refetchInterval: (query) => (query.state.data?.importing || Date.now() < expectImportUntil ? POLL_MS : false),
  });
}

export function useImportNow(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<{ queued: number }>(`/api/orgs/${org}/catalog/imports`, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.catalogStatus(org) }),
  });
}
