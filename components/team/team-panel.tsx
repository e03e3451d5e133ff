"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Card, CardHeader, CardTitle } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { InvitationsTable } from "./invitations-table";
import { InviteDialog } from "./invite-dialog";
import { MembersTable } from "./members-table";
import { useTeam } from "./use-team";

export function TeamPanel({ currentUserId }: { currentUserId: string }) {
  const { slug, canWrite } = useOrg();
  const team = useTeam(slug);
  const [inviting, setInviting] = useState(false);

  if (team.isPending) return <Spinner />;
  if (team.isError) return <ErrorState message={team.error.message} onRetry={() => team.refetch()} />;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader className="flex items-center justify-between">
          <CardTitle>Members ({team.data.members.length})</CardTitle>
          {canWrite ? (
            <Button onClick={() => setInviting(true)}>
              <UserPlus aria-hidden />
              Invite member
            </Button>
          ) : null}
        </CardHeader>
        <MembersTable members={team.data.members} currentUserId={currentUserId} />
      </Card>
      {team.data.invitations.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Pending invitations</CardTitle>
          </CardHeader>
          <InvitationsTable invitations={team.data.invitations} />
        </Card>
      ) : null}
      <InviteDialog open={inviting} onOpenChange={setInviting} />
    </div>
  );
}
