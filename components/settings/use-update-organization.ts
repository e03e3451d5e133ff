"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "../api/fetch-json";
import { accountKeys, orgKeys } from "../api/query-keys";

export function useUpdateOrganization(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; timeZone?: string }) => fetchJson(`/api/orgs/${org}`, { method: "PATCH", body: input }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: orgKeys.detail(org) });
      queryClient.invalidateQueries({ queryKey: accountKeys.organizations() });
    },
  });
}
