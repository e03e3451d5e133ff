"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

/** "Undo" on a Bulk auto-map entry: removes the mappings that batch made. */
export function UndoBatchButton({ org, batchId }: { org: string; batchId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const undo = useMutation({
    mutationFn: () => fetchJson<{ removed: number; restoring: number }>(`/api/orgs/${org}/mapping/batches/${batchId}/undo`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all(org) }),
  });
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Undo
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Undo this mapping batch?"
        description="The mappings this batch made are removed and their products go back to Unmapped Products. Mappings made later are kept."
        confirmLabel="Undo"
        pending={undo.isPending}
        onConfirm={() =>
          undo.mutate(undefined, {
            onSuccess: ({ removed, restoring }) => {
              toast.success(`Undone: ${removed} mapping${removed === 1 ? "" : "s"} removed.${restoring > 0 ? ` ${restoring} TikTok listing${restoring === 1 ? " is" : "s are"} being put back as before.` : ""}`);
              setOpen(false);
            },
            onError: (error) => toast.error(error.message),
          })
        }
      />
    </>
  );
}
