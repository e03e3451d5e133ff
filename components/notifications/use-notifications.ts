"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationList } from "@/lib/notifications/list-notifications";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type { NotificationList };

// Finished jobs and failures arrive while the member works: look again every half minute.
const POLL_MS = 30_000;

export function useNotifications(org: string) {
  return useQuery({ queryKey: orgKeys.notifications(org), queryFn: () => fetchJson<NotificationList>(`/api/orgs/${org}/notifications`), refetchInterval: POLL_MS });
}

export function useMarkNotificationsRead(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(`/api/orgs/${org}/notifications/read`, { method: "POST" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orgKeys.notifications(org) }),
  });
}
