"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditList } from "@/lib/audit/list-audit";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export function useAudit(org: string) {
  return useInfiniteQuery({
    queryKey: orgKeys.audit(org),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchJson<AuditList>(`/api/orgs/${org}/audit${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}
