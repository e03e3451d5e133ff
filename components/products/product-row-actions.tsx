"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useSyncNow } from "../product-sync/product-sync-cell";
import { MapProductDialog } from "./map-product-dialog";
import type { ProductListItem } from "./product-types";

function useUnmapProduct(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tiktokProductId: string) => fetchJson<{ removed: number }>(`/api/orgs/${org}/mapping/unmap`, { method: "POST", body: { tiktokProductId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all(org) }),
  });
}

/** "Map…" (search and pick) and "Unmap" for one product, writers only. */
export function ProductRowActions({ product }: { product: ProductListItem }) {
  const { slug, canWrite } = useOrg();
  const unmap = useUnmapProduct(slug);
  const syncNow = useSyncNow(slug);
  const [open, setOpen] = useState(false);
  const [mapping, setMapping] = useState(false);
  if (!canWrite) return null;
  const hasMappings = product.skus.some((sku) => sku.mapping);
  return (
    <>
      <div className="flex justify-end gap-1">
        <Button size="sm" variant="ghost" onClick={() => setMapping(true)} aria-label={`Map ${product.title} by hand`}>
          Map…
        </Button>
        {hasMappings ? (
          <Button size="sm" variant="ghost" disabled={syncNow.isPending} onClick={() => syncNow.mutate(product.id)} aria-label={`${product.sync?.status === "FAILED" ? "Retry" : "Sync now"}: ${product.title}`}>
            {product.sync?.status === "FAILED" ? "Retry" : "Sync now"}
          </Button>
        ) : null}
        {hasMappings ? (
          <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Unmap ${product.title}`}>
            Unmap
          </Button>
        ) : null}
      </div>
      {mapping ? <MapProductDialog product={product} open={mapping} onOpenChange={setMapping} /> : null}
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
