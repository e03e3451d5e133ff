"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SettingsOverview } from "@/lib/settings/get-settings-overview";
import type { UpdateSettingsInput } from "@/lib/settings/update-settings";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type { SettingsOverview };

export function useSettings(org: string) {
  return useQuery({ queryKey: orgKeys.settings(org), queryFn: () => fetchJson<SettingsOverview>(`/api/orgs/${org}/settings`) });
}

/** Saves one section for the organization (tiktokConnectionId null) or for one shop. */
export function useUpdateSettings(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsInput) => fetchJson(`/api/orgs/${org}/settings`, { method: "PATCH", body: input }),
    // Also after a refusal: the page shows what is saved, not what was tried.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.settings(org) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.activity(org) });
    },
  });
}
