"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys, type ActivityFilters } from "../api/query-keys";

export interface ActivityEntryView {
  id: string;
  type: string;
  level: "INFO" | "SUCCESS" | "WARNING" | "ERROR";
  message: string;
  subjectType: string | null;
  subjectId: string | null;
  connectionId: string | null;
  createdAt: string;
}

export function useActivity(org: string, filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: orgKeys.activity(org, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (pageParam) params.set("cursor", pageParam);
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      return fetchJson<{ entries: ActivityEntryView[]; nextCursor: string | null }>(`/api/orgs/${org}/activity?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
