"use client";

import { Video } from "lucide-react";
import { useId } from "react";
import { useOrg } from "../shell/org-role-context";
import { EmptyState } from "../ui/empty-state";
import { ConnectTikTokButton, TIKTOK_NEEDS_SHOPIFY } from "./connect-tiktok-button";
import { ConnectionSection } from "./connection-section";
import type { ConnectionsList } from "./connection-types";
import { PendingAuthorizationCard } from "./pending-authorizations";
import { pairableStores } from "./shop-picker-selection";
import { TikTokConnectionCard } from "./tiktok-connection-card";

const intro = "Authorize Ferry on TikTok Shop, then choose the shops (local or cross-border) and the Shopify store each one uses.";

interface TikTokSectionProps {
  data: ConnectionsList;
  /** The authorization open in the picker dialog, left out here so it is not shown twice. */
  pickerFor: string | null;
  now: number;
}

export function TikTokSection({ data, pickerFor, now }: TikTokSectionProps) {
  const { canWrite } = useOrg();
  const blockedId = useId();
  const blocked = pairableStores(data.shopify).length === 0;
  const pending = data.pendingTikTokAuthorizations.filter((authorization) => authorization.id !== pickerFor);
  const empty = data.tiktok.length === 0 && pending.length === 0;
  const connectButton = canWrite ? <ConnectTikTokButton blockedBy={blocked ? blockedId : undefined} /> : undefined;

  return (
    <ConnectionSection
      title="TikTok Shop"
      description={canWrite && blocked && !empty ? TIKTOK_NEEDS_SHOPIFY : intro}
      descriptionId={canWrite && blocked && !empty ? blockedId : undefined}
      action={empty ? undefined : connectButton}
    >
      {pending.map((authorization) => (
        <PendingAuthorizationCard key={authorization.id} authorization={authorization} shopifyStores={data.shopify} />
      ))}
      {empty ? (
        <EmptyState
          icon={Video}
          title="Connect your TikTok Shop"
          description={
            canWrite ? (
              blocked ? <span id={blockedId}>{TIKTOK_NEEDS_SHOPIFY}</span> : intro
            ) : (
              "No TikTok shop is connected yet. An owner or admin can connect one."
            )
          }
          action={connectButton}
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {data.tiktok.map((connection) => (
            <TikTokConnectionCard key={connection.id} connection={connection} shopifyStores={data.shopify} now={now} />
          ))}
        </div>
      )}
    </ConnectionSection>
  );
}
