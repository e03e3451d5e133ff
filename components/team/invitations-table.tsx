"use client";

import { toast } from "sonner";
import { roleLabels } from "@/lib/auth/roles";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { useRevokeInvitation, type PendingInvitation } from "./use-team";

export function InvitationsTable({ invitations }: { invitations: PendingInvitation[] }) {
  const { slug, canWrite } = useOrg();
  const revoke = useRevokeInvitation(slug);
  return (
    <ul className="divide-y divide-slate-100" aria-label="Pending invitations">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
          <span className="font-medium text-slate-900">{invitation.email}</span>
          <Badge>{roleLabels[invitation.role]}</Badge>
          <span className="text-xs text-slate-500">
            expires <time dateTime={invitation.expiresAt}>{new Date(invitation.expiresAt).toLocaleDateString()}</time>
          </span>
          {canWrite ? (
            <Button
              className="ml-auto"
              variant="ghost"
              size="sm"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(invitation.id, { onSuccess: () => toast.success("Invitation withdrawn."), onError: (e) => toast.error(e.message) })}
            >
              Withdraw
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
