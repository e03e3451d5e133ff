"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export function useRunHealthCheck(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<{ eventId: string }>(`/api/orgs/${org}/health-checks`, { method: "POST" }),
    // The check runs in the background; refresh the log shortly after, and again a little later.
    onSuccess: () => {
      for (const delay of [1500, 5000]) setTimeout(() => queryClient.invalidateQueries({ queryKey: orgKeys.activity(org) }), delay);
    },
  });
}
