"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CarrierSettings } from "@/lib/fulfillment/get-carrier-settings";
import type { SetCarrierMappingsInput } from "@/lib/fulfillment/set-carrier-mappings";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type { CarrierSettings };

export function useCarrierSettings(org: string, tiktokConnectionId: string | null) {
  return useQuery({
    queryKey: orgKeys.carriers(org, tiktokConnectionId ?? ""),
    queryFn: () => fetchJson<CarrierSettings>(`/api/orgs/${org}/carriers/${tiktokConnectionId}`),
    enabled: !!tiktokConnectionId,
  });
}

/** Replaces the shop's carrier table and fallback. */
export function useSaveCarrierSettings(org: string, tiktokConnectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetCarrierMappingsInput) => fetchJson<CarrierSettings>(`/api/orgs/${org}/carriers/${tiktokConnectionId}`, { method: "PUT", body: input }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: orgKeys.carriers(org, tiktokConnectionId) }),
  });
}
