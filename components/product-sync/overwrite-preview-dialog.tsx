"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useState } from "react";
import type { StartPreviewInput } from "@/lib/product-sync/preview/start-preview";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { useStartPreview, useSyncPreview } from "./use-sync-preview";

const FIELD_LABELS: Record<string, string> = { title: "Title", description: "Description", images: "Images", price: "Price", listPrice: "List price", inventory: "Stock" };

export interface OverwriteConfirmation {
  previewId: string;
  overwriteGlobalProducts: boolean;
}

interface OverwritePreviewDialogProps {
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What to preview: the settings about to be saved, or the rows "Map" is about to apply. */
  request: StartPreviewInput;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: (confirmation: OverwriteConfirmation) => void;
}

/**
 * Render it only while open (a fresh preview per opening). "What will be overwritten": per product and field, TikTok's current value beside the new one, and how many
 * products change. Nothing is written until the member confirms; cross-border global products need a second,
 * explicit confirmation because a global edit overwrites every market's local edits.
 */
export function OverwritePreviewDialog({ org, open, onOpenChange, request, confirmLabel, pending, onConfirm }: OverwritePreviewDialogProps) {
  const start = useStartPreview(org);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [globalConfirmed, setGlobalConfirmed] = useState(false);
  const preview = useSyncPreview(org, previewId);
  const requestKey = JSON.stringify(request);

  // Mounted once per preview (its callers render it only while open): start computing at once.
  useEffect(() => {
    start.mutate(JSON.parse(requestKey) as StartPreviewInput, { onSuccess: ({ previewId: id }) => setPreviewId(id) });
    // `start` is a new object every render; the request is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const first = preview.data?.pages[0];
  const items = preview.data?.pages.flatMap((p) => p.items) ?? [];
  const ready = first?.status === "READY";
  const needsGlobal = (first?.globalProducts ?? 0) > 0;
  const canConfirm = ready && previewId !== null && (!needsGlobal || globalConfirmed) && !pending;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="What will be overwritten on TikTok"
      description="Shopify is the source of truth: these TikTok values are replaced when you confirm. Nothing has been written yet."
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button disabled={!canConfirm} onClick={() => previewId && onConfirm({ previewId, overwriteGlobalProducts: globalConfirmed })}>
            {pending ? "Saving…" : confirmLabel}
          </Button>
        </>
      }
    >
      {start.isError ? (
        <ErrorState message={start.error.message} />
      ) : preview.isError ? (
        <ErrorState message={preview.error.message} onRetry={() => preview.refetch()} />
      ) : !first || first.status === "RUNNING" ? (
        <Spinner label={`Comparing TikTok with Shopify${first ? ` (${first.productsChecked} products checked)` : ""}`} />
      ) : first.status === "FAILED" ? (
        <ErrorState message={first.error ?? "The preview failed."} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-900" data-testid="preview-count">
            {first.productsAffected === 0
              ? `Nothing to overwrite: the ${first.productsChecked} mapped products already match Shopify.`
              : `${first.productsAffected} of ${first.productsChecked} products will change on TikTok.`}
          </p>
          <div className="max-h-80 space-y-3 overflow-y-auto">
            {items.map((item) => (
              <section key={item.id} className="rounded-md border border-slate-200" aria-label={item.title}>
                <h3 className="border-b border-slate-100 px-3 py-1.5 text-sm font-medium text-slate-900">
                  {item.title} <span className="font-normal text-slate-500">· {item.shopName}</span>
                </h3>
                {item.error ? <p className="px-3 py-2 text-xs text-red-700">{item.error}</p> : null}
                {item.changes.length > 0 ? (
                  <table className="w-full text-xs">
                    <thead className="text-left text-slate-500">
                      <tr>
                        <th className="px-3 py-1 font-medium">Field</th>
                        <th className="px-3 py-1 font-medium">TikTok now</th>
                        <th className="px-3 py-1 font-medium">From Shopify</th>
                      </tr>
                    </thead>
                    <tbody>
                      {item.changes.map((c, i) => (
                        <tr key={i} className="border-t border-slate-100 align-top">
                          <td className="px-3 py-1 text-slate-700">
                            {FIELD_LABELS[c.field] ?? c.field}
                            {c.sku ? <span className="block text-slate-500">{c.sku}</span> : null}
                            {c.scope === "global" ? <span className="block text-amber-700">global product</span> : null}
                          </td>
                          <td className="px-3 py-1 text-slate-500 line-through decoration-slate-300">{c.current}</td>
                          <td className="px-3 py-1 text-slate-900">{c.next}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {item.problems.map((p, i) => (
                  <p key={i} className="px-3 py-1 text-xs text-amber-800">
                    Not synced: {p}
                  </p>
                ))}
              </section>
            ))}
            {preview.hasNextPage ? (
              <Button size="sm" variant="secondary" onClick={() => preview.fetchNextPage()} disabled={preview.isFetchingNextPage}>
                {preview.isFetchingNextPage ? "Loading…" : "Show more products"}
              </Button>
            ) : null}
          </div>
          {needsGlobal ? (
            <label className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <input type="checkbox" className="mt-0.5 size-4" checked={globalConfirmed} onChange={(e) => setGlobalConfirmed(e.target.checked)} />
              <span>
                <AlertTriangle className="mr-1 inline size-4" aria-hidden />
                {first.globalProducts} cross-border global product{first.globalProducts === 1 ? "" : "s"} will be edited. A global edit is pushed to every market and overwrites each market&apos;s local edits, local prices included. I understand.
              </span>
            </label>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
