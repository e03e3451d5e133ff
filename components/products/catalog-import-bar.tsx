"use client";

import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { useNow } from "../connections/use-now";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { importProgress, lastImportedText } from "./import-progress";
import type { CatalogStatus, StoreCatalogStatus } from "./product-types";
import { useImportNow } from "./use-products";

const platformLabels = { SHOPIFY: "Shopify", TIKTOK: "TikTok Shop" } as const;

function StoreProgress({ store, now }: { store: StoreCatalogStatus; now: number }) {
  const progress = importProgress(store.latestImport);
  const label = `${store.name} import progress`;
  return (
    <li className="min-w-0 space-y-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="truncate font-medium text-slate-900">
          {store.name} <span className="font-normal text-slate-500">· {platformLabels[store.platform]}</span>
        </span>
        <span className="shrink-0 text-xs text-slate-500">{lastImportedText({ lastImportedAt: store.lastImportedAt, now })}</span>
      </div>
      {progress.running ? (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent ?? undefined}
          aria-valuetext={progress.text}
          className="h-1.5 overflow-hidden rounded-full bg-slate-100"
        >
          <div className={cn("h-full rounded-full bg-brand-600 transition-[width]", progress.percent === null && "w-1/3 animate-pulse")} style={progress.percent === null ? undefined : { width: `${progress.percent}%` }} />
        </div>
      ) : null}
      <p className={cn("text-xs", progress.tone === "danger" ? "text-red-700" : "text-slate-500")}>{progress.text}</p>
    </li>
  );
}

/** Each connected store's import: a progress bar while it runs, "Last imported …", and "Import now". */
export function CatalogImportBar({ org, status, canWrite, onImportRequested }: { org: string; status: CatalogStatus; canWrite: boolean; onImportRequested: () => void }) {
  const now = useNow(30_000);
  const importNow = useImportNow(org);
  return (
    <Card className="px-5 py-4">
      <div className="flex flex-wrap items-start gap-6">
        <ul className="grid min-w-0 flex-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {status.stores.map((store) => (
            <StoreProgress key={store.connectionId} store={store} now={now} />
          ))}
        </ul>
        {canWrite ? (
          <Button
            variant="secondary"
            disabled={importNow.isPending || status.importing}
            onClick={() =>
              importNow.mutate(undefined, {
                onSuccess: () => {
                  onImportRequested();
                  toast.success("Import queued. The progress shows here.");
                },
                onError: (error) => toast.error(error.message),
              })
            }
          >
            <RefreshCw aria-hidden className={cn(status.importing && "animate-spin")} />
            {status.importing ? "Importing…" : "Import now"}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
