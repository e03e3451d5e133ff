"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { ProductListItem } from "./product-types";

function useUnmapProduct(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tiktokProductId: string) => fetchJson<{ removed: number }>(`/api/orgs/${org}/mapping/unmap`, { method: "POST", body: { tiktokProductId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all(org) }),
  });
}

/** "Unmap" for a product with mappings (writers only): its SKUs go back to Unmapped Products. */
export function UnmapButton({ product }: { product: ProductListItem }) {
  const { slug, canWrite } = useOrg();
  const unmap = useUnmapProduct(slug);
  const [open, setOpen] = useState(false);
  if (!canWrite || product.skus.every((sku) => !sku.mapping)) return null;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Unmap ${product.title}`}>
        Unmap
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Unmap ${product.title}?`}
        description="Its SKUs go back to Unmapped Products. TikTok orders for them will wait under Needs attention until they are mapped again."
        confirmLabel="Unmap"
        pending={unmap.isPending}
        onConfirm={() =>
          unmap.mutate(product.id, {
            onSuccess: ({ removed }) => {
              toast.success(`${product.title} unmapped (${removed} SKU${removed === 1 ? "" : "s"}).`);
              setOpen(false);
            },
            onError: (error) => toast.error(error.message),
          })
        }
      />
    </>
  );
}
