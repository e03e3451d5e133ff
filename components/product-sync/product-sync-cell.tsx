"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ProductSyncView } from "@/lib/product-sync/sync-states-of";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { Badge } from "../ui/badge";

const STATUS: Record<ProductSyncView["status"], { label: string; tone: "neutral" | "success" | "warning" | "danger" }> = {
  QUEUED: { label: "Syncing", tone: "neutral" },
  SYNCED: { label: "Synced", tone: "success" },
  PARTIAL: { label: "Partly synced", tone: "warning" },
  FAILED: { label: "Sync failed", tone: "danger" },
};

/** "Sync now" and "Retry": queue one product's sync and refresh the list. */
export function useSyncNow(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tiktokProductId: string) => fetchJson<{ queued: boolean }>(`/api/orgs/${org}/products/${tiktokProductId}/sync`, { method: "POST" }),
    onSuccess: () => {
      toast.info("Syncing from Shopify in the background.");
      void queryClient.invalidateQueries({ queryKey: orgKeys.products(org) });
    },
    onError: (error) => toast.error(error.message),
  });
}

/** The product's sync to TikTok: status, last synced, last error, and TikTok's review of the last content edit. */
export function ProductSyncCell({ sync }: { sync: ProductSyncView | null }) {
  if (!sync) return <span className="text-xs text-slate-400">Not synced</span>;
  const status = STATUS[sync.status];
  return (
    <div className="min-w-0 max-w-64 space-y-0.5 text-xs">
      <div className="flex flex-wrap items-center gap-1">
        <Badge tone={status.tone}>{status.label}</Badge>
        {sync.reviewStatus === "AUDITING" ? <Badge tone="neutral">In TikTok review</Badge> : null}
        {sync.reviewStatus === "FAILED" ? <Badge tone="danger">Rejected by TikTok</Badge> : null}
        {sync.promotionLocked ? <Badge tone="warning">Price locked by a promotion</Badge> : null}
      </div>
      {sync.lastSyncedAt ? <p className="text-slate-500">Last synced {new Date(sync.lastSyncedAt).toLocaleString()}</p> : null}
      {sync.reviewStatus === "FAILED" && sync.reviewReason ? <p className="text-red-700">{sync.reviewReason}</p> : null}
      {sync.lastError ? (
        <p className={sync.status === "FAILED" ? "text-red-700" : "text-amber-800"} title={sync.lastError}>
          {sync.lastError.length > 140 ? `${sync.lastError.slice(0, 139)}…` : sync.lastError}
        </p>
      ) : null}
    </div>
  );
}
