"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { StartPreviewInput } from "@/lib/product-sync/preview/start-preview";
import type { SyncPreviewView } from "@/lib/product-sync/preview/get-preview";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type { SyncPreviewView };

const POLL_MS = 1_000;

export function useStartPreview(org: string) {
  return useMutation({
    mutationFn: (input: StartPreviewInput) => fetchJson<{ previewId: string }>(`/api/orgs/${org}/product-sync/previews`, { method: "POST", body: input }),
  });
}

/** A preview's products page by page; the first page is polled until the preview is finished. */
export function useSyncPreview(org: string, previewId: string | null) {
  return useInfiniteQuery({
    queryKey: orgKeys.syncPreview(org, previewId ?? "none"),
    enabled: previewId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchJson<SyncPreviewView>(`/api/orgs/${org}/product-sync/previews/${previewId}?limit=50${pageParam ? `&cursor=${pageParam}` : ""}`),
    getNextPageParam: (last) => (last.status === "RUNNING" ? undefined : last.nextCursor),
    refetchInterval: (query) => (query.state.data?.pages[0]?.status === "RUNNING" ? POLL_MS : false),
  });
}
