"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import type { TeamList } from "@/lib/team/list-members";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";

export type Member = TeamList["members"][number];
export type PendingInvitation = TeamList["invitations"][number];

export function useTeam(org: string) {
  return useQuery({ queryKey: orgKeys.team(org), queryFn: () => fetchJson<TeamList>(`/api/orgs/${org}/members`) });
}

function useTeamMutation<I, O>(org: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.team(org) }) });
}

export function useInviteMember(org: string) {
  return useTeamMutation(org, (input: { email: string; role: Role }) =>
    fetchJson<{ url: string; mailed: boolean }>(`/api/orgs/${org}/invitations`, { method: "POST", body: input }),
  );
}

export function useChangeRole(org: string) {
  return useTeamMutation(org, ({ memberId, role }: { memberId: string; role: Role }) =>
    fetchJson(`/api/orgs/${org}/members/${memberId}`, { method: "PATCH", body: { role } }),
  );
}

export function useRemoveMember(org: string) {
  return useTeamMutation(org, (memberId: string) => fetchJson(`/api/orgs/${org}/members/${memberId}`, { method: "DELETE" }));
}

export function useRevokeInvitation(org: string) {
  return useTeamMutation(org, (invitationId: string) => fetchJson(`/api/orgs/${org}/invitations/${invitationId}`, { method: "DELETE" }));
}
