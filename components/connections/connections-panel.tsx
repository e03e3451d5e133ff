"use client";

import { X } from "lucide-react";
import { useOrg } from "../shell/org-role-context";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import type { ConnectReturn } from "./connect-return";
import { ShopPickerDialog } from "./pending-authorizations";
import { ShopifySection } from "./shopify-section";
import { TikTokSection } from "./tiktok-section";
import { useConnectReturn } from "./use-connect-return";
import { useConnections } from "./use-connections";
import { useNow } from "./use-now";

function ReturnError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <div className="flex-1">
        <p className="font-medium">The store was not connected.</p>
        <p className="mt-0.5">{message}</p>
      </div>
      <button type="button" onClick={onDismiss} className="rounded p-1 hover:bg-red-100" aria-label="Dismiss">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}

/** The Connections page: Shopify stores, TikTok shops, and what the OAuth callbacks sent back. */
export function ConnectionsPanel({ initialReturn }: { initialReturn: ConnectReturn }) {
  const { slug, canWrite } = useOrg();
  const query = useConnections(slug);
  const { pickerFor, closePicker, error, dismissError } = useConnectReturn(initialReturn);
  const now = useNow();
  const pickerAuthorization = canWrite ? (query.data?.pendingTikTokAuthorizations.find((a) => a.id === pickerFor) ?? null) : null;

  return (
    <div className="space-y-8">
      {error ? <ReturnError message={error} onDismiss={dismissError} /> : null}
      {query.isPending ? (
        <Spinner label="Loading connections" />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : (
        <>
          <ShopifySection connections={query.data.shopify} now={now} />
          <TikTokSection data={query.data} pickerFor={pickerAuthorization?.id ?? null} now={now} />
          <ShopPickerDialog authorization={pickerAuthorization} shopifyStores={query.data.shopify} onClose={closePicker} />
        </>
      )}
    </div>
  );
}
