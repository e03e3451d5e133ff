"use client";

import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { useRetryFulfillment, type FulfillmentView } from "./use-order-fulfillments";

const TONE = { TRACKING_SENT: "success", FAILED: "warning", SENDING: "neutral", SKIPPED: "neutral" } as const;

/** TikTok's status words: AWAITING_COLLECTION → "Awaiting collection". */
export function tiktokStatusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What became of a TikTok order's Shopify fulfillments: for the Orders page, one block per fulfillment. */
export function FulfillmentStatus({ fulfillments }: { fulfillments: FulfillmentView[] }) {
  const { slug, canWrite } = useOrg();
  const retry = useRetryFulfillment(slug);
  if (fulfillments.length === 0) return <span className="text-sm text-slate-500">Not fulfilled yet</span>;
  return (
    <ul className="space-y-2">
      {fulfillments.map((f) => (
        <li key={f.id} className="text-sm" aria-label={`Fulfillment ${f.shopifyFulfillmentId}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={TONE[f.state]}>{f.stateLabel}</Badge>
            {f.trackingNumber ? (
              <span className="text-slate-700">
                {f.shippingProvider?.name ?? f.trackingCompany ?? "Carrier"} {f.trackingNumber}
              </span>
            ) : null}
            {f.tiktokStatus ? <span className="text-slate-500">TikTok: {tiktokStatusLabel(f.tiktokStatus)}</span> : null}
          </div>
          {f.state === "FAILED" && f.lastError ? (
            <div className="mt-1 flex flex-wrap items-start gap-2">
              <p className="text-amber-800">{f.lastError}</p>
              {canWrite ? (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(f.id, { onSuccess: () => toast.success("Sending the tracking to TikTok again."), onError: (error) => toast.error(error.message) })}
                >
                  Retry
                </Button>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
