"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export interface ActivityEntryView {
  id: string;
  type: string;
  level: "INFO" | "SUCCESS" | "WARNING" | "ERROR";
  message: string;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
}

export function useActivity(org: string, filters: { level?: string }) {
  return useInfiniteQuery({
    queryKey: orgKeys.activity(org, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (pageParam) params.set("cursor", pageParam);
      if (filters.level) params.set("level", filters.level);
      return fetchJson<{ entries: ActivityEntryView[]; nextCursor: string | null }>(`/api/orgs/${org}/activity?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
