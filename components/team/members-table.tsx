"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DataTable } from "../ui/data-table";
import { Select } from "../ui/select";
import { useChangeRole, useRemoveMember, type Member } from "./use-team";

export function MembersTable({ members, currentUserId }: { members: Member[]; currentUserId: string }) {
  const { slug, canWrite, isOwner } = useOrg();
  const router = useRouter();
  const changeRole = useChangeRole(slug);
  const remove = useRemoveMember(slug);
  const [removing, setRemoving] = useState<Member | null>(null);

  const columns = useMemo<ColumnDef<Member, unknown>[]>(
    () => [
      {
        id: "member",
        header: "Member",
        accessorFn: (m) => m.name ?? m.email,
        cell: ({ row }) => (
          <div>
            <div className="font-medium text-slate-900">
              {row.original.name ?? row.original.email}
              {row.original.userId === currentUserId ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
            </div>
            {row.original.name ? <div className="text-xs text-slate-500">{row.original.email}</div> : null}
          </div>
        ),
      },
      {
        accessorKey: "role",
        header: "Role",
        cell: ({ row }) => {
          const m = row.original;
          // Owners are managed by owners only; the server enforces the same rule.
          const editable = canWrite && (isOwner || m.role !== "OWNER");
          if (!editable) return <Badge tone={m.role === "OWNER" ? "brand" : "neutral"}>{roleLabels[m.role]}</Badge>;
          return (
            <Select
              aria-label={`Role of ${m.email}`}
              value={m.role}
              disabled={changeRole.isPending}
              onChange={(e) => {
                const role = e.target.value as Role;
                // mutateAsync: the toast must not depend on this row staying mounted (sorting by role moves it).
                changeRole.mutateAsync({ memberId: m.id, role }).then(
                  () => toast.success(`${m.email} is now ${roleLabels[role]}.`),
                  (err: Error) => toast.error(err.message),
                );
              }}
            >
              {(isOwner ? (["OWNER", "ADMIN", "VIEWER"] as const) : (["ADMIN", "VIEWER"] as const)).map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </Select>
          );
        },
      },
      {
        accessorKey: "joinedAt",
        header: "Joined",
        cell: ({ row }) => <time dateTime={row.original.joinedAt}>{new Date(row.original.joinedAt).toLocaleDateString()}</time>,
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const m = row.original;
          const self = m.userId === currentUserId;
          if (!self && !(canWrite && (isOwner || m.role !== "OWNER"))) return null;
          return (
            <Button variant="ghost" size="sm" onClick={() => setRemoving(m)} aria-label={self ? "Leave organization" : `Remove ${m.email}`}>
              {self ? "Leave" : "Remove"}
            </Button>
          );
        },
      },
    ],
    [canWrite, isOwner, currentUserId, changeRole],
  );

  return (
    <>
      <DataTable columns={columns} data={members} label="Members" initialSorting={[{ id: "role", desc: false }]} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={removing?.userId === currentUserId ? "Leave organization?" : "Remove member?"}
        description={
          removing?.userId === currentUserId
            ? "You will lose access to this organization until someone invites you again."
            : `${removing?.email} will lose access to this organization at once.`
        }
        confirmLabel={removing?.userId === currentUserId ? "Leave" : "Remove"}
        pending={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.success(removing.userId === currentUserId ? "You left the organization." : `${removing.email} was removed.`);
              if (removing.userId === currentUserId) {
                router.replace("/");
                router.refresh();
              }
              setRemoving(null);
            },
            onError: (err) => {
              toast.error(err.message);
              setRemoving(null);
            },
          })
        }
      />
    </>
  );
}
