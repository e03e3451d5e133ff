"use client";

import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { ConnectTikTokButton } from "./connect-tiktok-button";
import { ConnectionActions } from "./connection-actions";
import { ConnectionCard, Fact } from "./connection-card";
import { sellerTypeLabels } from "./connection-status";
import type { ShopifyConnection, TikTokConnection } from "./connection-types";
import { HealthFacts } from "./health-facts";
import { reauthorizeNotice } from "./time-words";
import { PairingSelect } from "./pairing-select";

interface TikTokConnectionCardProps {
  connection: TikTokConnection;
  shopifyStores: ShopifyConnection[];
  now: number;
}

export function TikTokConnectionCard({ connection, shopifyStores, now }: TikTokConnectionCardProps) {
  const { canWrite } = useOrg();
  const live = connection.status === "ACTIVE" || connection.status === "NEEDS_REAUTH";
  return (
    <ConnectionCard
      name={connection.name}
      subtitle={[`Shop ID ${connection.shopId}`, connection.region].filter(Boolean).join(" · ")}
      status={connection.status}
      statusReason={connection.statusReason}
      notice={reauthorizeNotice({ platform: "TikTok Shop", reauthorizeBy: connection.reauthorizeBy, active: connection.status === "ACTIVE", now })}
      badges={connection.sellerType ? <Badge tone="brand">{sellerTypeLabels[connection.sellerType]}</Badge> : null}
      actions={
        canWrite ? (
          <ConnectionActions connection={connection} reauthorize={<ConnectTikTokButton label="Re-authorize" size="sm" />} />
        ) : undefined
      }
    >
      <Fact label="Shopify store" tone={connection.pairedShopify ? "neutral" : "warning"}>
        {canWrite && live ? (
          <PairingSelect connection={connection} shopifyStores={shopifyStores} />
        ) : connection.pairedShopify ? (
          `Paired with ${connection.pairedShopify.name}`
        ) : (
          "Not paired with a Shopify store"
        )}
      </Fact>
      {connection.sellerName ? <Fact label="Seller">{connection.sellerName}</Fact> : null}
      <HealthFacts connection={connection} now={now} authorizationExpiresAt={connection.refreshTokenExpiresAt} />
    </ConnectionCard>
  );
}
