"use client";

import { RefreshCw, Unplug } from "lucide-react";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { connectionActions } from "./connection-status";
import type { ConnectionStatus } from "./connection-types";
import { useCheckConnection, useDisconnectConnection } from "./use-connections";

interface ConnectionActionsProps {
  connection: { id: string; name: string; status: ConnectionStatus; reauthorizeBy: string | null };
  /** The platform's own re-authorize control, shown when the connection needs it. */
  reauthorize: ReactNode;
  /** Disconnect consequences particular to the platform. */
  disconnectNote?: string;
}

/** "Re-authorize", "Check now" and "Disconnect" for members who can write; nothing for viewers. */
export function ConnectionActions({ connection, reauthorize, disconnectNote }: ConnectionActionsProps) {
  const { slug, canWrite } = useOrg();
  const check = useCheckConnection(slug);
  const disconnect = useDisconnectConnection(slug);
  const [confirming, setConfirming] = useState(false);
  if (!canWrite) return null;
  const actions = connectionActions(connection);

  return (
    <>
      {actions.reauthorize ? reauthorize : null}
      {actions.check ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={check.isPending}
          onClick={() =>
            check.mutateAsync(connection.id).then(
              () => toast.success(`Checking ${connection.name}. The result appears here in a moment.`),
              (error: Error) => toast.error(error.message),
            )
          }
        >
          <RefreshCw aria-hidden />
          {check.isPending ? "Checking…" : "Check now"}
        </Button>
      ) : null}
      {actions.disconnect ? (
        <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setConfirming(true)} aria-label={`Disconnect ${connection.name}`}>
          <Unplug aria-hidden />
          Disconnect
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disconnect ${connection.name}?`}
        description={
          <>
            Ferry removes its webhooks and stops syncing this store. {disconnectNote ? `${disconnectNote} ` : null}Your product mappings and settings are kept:
            reconnect the store any time and they are restored.
          </>
        }
        confirmLabel={disconnect.isPending ? "Disconnecting…" : "Disconnect"}
        pending={disconnect.isPending}
        onConfirm={() =>
          // mutateAsync: the toast must not depend on this card staying mounted after the list refreshes.
          disconnect.mutateAsync(connection.id).then(
            () => {
              toast.success(`${connection.name} disconnected. Reconnect it any time to pick up where you left off.`);
              setConfirming(false);
            },
            (error: Error) => {
              toast.error(error.message);
              setConfirming(false);
            },
          )
        }
      />
    </>
  );
}
