"use client";

import { AlertTriangle, X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import { useState } from "react";
import { OverwritePreviewDialog, type OverwriteConfirmation } from "../product-sync/overwrite-preview-dialog";
import { Button } from "../ui/button";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import type { ReviewRow } from "./product-types";
import { ReviewProductGroup } from "./review-product-group";
import { checkedBatchRows, restSelection, setChecked, type SelectionMode } from "./review-selection";
import { useMapBatch, useProposals } from "./use-auto-map";

export interface AutoMapDialogProps {
  org: string;
  tiktokConnectionId: string;
  shopName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Set when the organization's auto-sync is on: mapping will overwrite TikTok listings. */
  autoSyncWarning?: string;
}

/** "Bulk auto-map": the review of every proposal, page by page, and "Map" for the checked rows. */
export function AutoMapDialog({ org, tiktokConnectionId, shopName, open, onOpenChange, autoSyncWarning }: AutoMapDialogProps) {
  const proposals = useProposals(org, tiktokConnectionId, { enabled: open });
  const mapBatch = useMapBatch(org);
  const [pageIndex, setPageIndex] = useState(0);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [mode, setMode] = useState<SelectionMode>("default");
  const pages = proposals.data?.pages ?? [];
  const page = pages[Math.min(pageIndex, Math.max(0, pages.length - 1))];
  const loadedProducts = pages.flatMap((p) => p.products);
  const rows = checkedBatchRows({ products: loadedProducts, overrides, mode });
  // "Select all" also takes every proposal on the pages not opened yet (computed by the batch job).
  const rest = restSelection({ mode, nextCursor: pages.at(-1)?.nextCursor, autoSync: Boolean(autoSyncWarning) });
  const selectAll = (value: boolean) => {
    setMode(value ? "all" : "none");
    setOverrides(new Map());
  };
  const pageRows = page?.products.flatMap((product) => product.rows) ?? [];
  const hasNext = pageIndex < pages.length - 1 || proposals.hasNextPage;

  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) {
      setPageIndex(0);
      setOverrides(new Map());
      setMode("default");
    }
  };
  const toggle = (row: ReviewRow, value: boolean) => setOverrides((current) => setChecked({ overrides: current, rows: [row], value }));
  const next = async () => {
    if (pageIndex >= pages.length - 1) await proposals.fetchNextPage();
    setPageIndex((index) => index + 1);
  };
  const [previewing, setPreviewing] = useState(false);
  // With auto-sync on, "Map" first shows what it will overwrite; the batch carries the confirmed preview.
  const map = (confirmation?: OverwriteConfirmation) =>
    mapBatch.mutate(
      { tiktokConnectionId, rows, ...(rest ? { rest } : {}), ...(confirmation ? { overwritePreviewId: confirmation.previewId, overwriteGlobalProducts: confirmation.overwriteGlobalProducts } : {}) },
      { onSuccess: () => close(false) },
    );

  return (
    <D.Root open={open} onOpenChange={close}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[90vh] w-[calc(100%-2rem)] max-w-5xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none">
          <div className="border-b border-slate-200 px-6 py-4 pr-12">
            <D.Title className="text-lg font-semibold text-slate-900">Bulk auto-map</D.Title>
            <D.Description className="mt-1 text-sm text-slate-600">
              Proposed Shopify variants for the unmapped SKUs of {shopName}. Clean SKU and barcode matches are checked; review the rest before you map.
            </D.Description>
            {autoSyncWarning ? (
              <p role="alert" className="mt-3 flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                {autoSyncWarning}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-6 py-2 text-sm">
            <div className="flex items-center gap-2">
              <Button size="sm" variant="ghost" disabled={!page} onClick={() => selectAll(true)}>
                {autoSyncWarning ? "Select all on opened pages" : "Select all"}
              </Button>
              <Button size="sm" variant="ghost" disabled={!page} onClick={() => selectAll(false)}>
                Select none
              </Button>
              <span className="text-slate-500" data-testid="review-checked-count">
                {rows.length.toLocaleString("en-US")} checked{rest ? " on opened pages, and every proposal on the pages not opened yet" : ""}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <span className="text-slate-500">Page {pageIndex + 1}</span>
              <Button size="sm" variant="secondary" disabled={pageIndex === 0} onClick={() => setPageIndex((index) => index - 1)}>
                Previous
              </Button>
              <Button size="sm" variant="secondary" disabled={!hasNext || proposals.isFetchingNextPage} onClick={() => void next()}>
                {proposals.isFetchingNextPage ? "Loading…" : "Next"}
              </Button>
            </div>
          </div>
          <div className="min-h-40 flex-1 space-y-3 overflow-y-auto px-6 py-4">
            {proposals.isPending ? (
              <Spinner label="Matching SKUs" />
            ) : proposals.isError ? (
              <ErrorState message={proposals.error.message} onRetry={() => proposals.refetch()} />
            ) : !page || page.products.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing to map: every active product of this shop is mapped.</p>
            ) : (
              page.products.map((product) => <ReviewProductGroup key={product.tiktokProductId} product={product} overrides={overrides} mode={mode} onToggle={toggle} />)
            )}
          </div>
          <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-6 py-3">
            <p className="text-xs text-slate-500">
              {pageRows.length === 0 ? null : rest ? "Select all: every proposal on every page is mapped, apart from rows you uncheck on the pages you opened." : "Checked rows on every page you opened are mapped together."}
            </p>
            <div className="flex gap-2">
              <D.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </D.Close>
              <Button onClick={() => (autoSyncWarning ? setPreviewing(true) : map())} disabled={(rows.length === 0 && !rest) || mapBatch.isPending}>
                {mapBatch.isPending ? "Mapping…" : rest ? "Map all proposals" : `Map ${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "SKU" : "SKUs"}`}
              </Button>
            </div>
          </div>
          <D.Close className="absolute right-4 top-4 rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">
            <X className="size-4" />
          </D.Close>
          {previewing ? (
            <OverwritePreviewDialog
              org={org}
              open={previewing}
              onOpenChange={setPreviewing}
              request={{ purpose: "mapping", tiktokConnectionId, rows: rows.map((r) => ({ tiktokSkuId: r.tiktokSkuId, shopifyVariantId: r.shopifyVariantId })) }}
              confirmLabel="Confirm and map"
              pending={mapBatch.isPending}
              onConfirm={(confirmation) => {
                setPreviewing(false);
                map(confirmation);
              }}
            />
          ) : null}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
