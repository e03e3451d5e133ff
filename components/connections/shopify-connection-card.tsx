"use client";

import { useState } from "react";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { ConnectShopifyDialog } from "./connect-shopify-dialog";
import { ConnectionActions } from "./connection-actions";
import { ConnectionCard, Fact } from "./connection-card";
import type { ShopifyConnection } from "./connection-types";
import { HealthFacts } from "./health-facts";
import { reauthorizeNotice } from "./time-words";

function ReauthorizeShopify({ shop }: { shop: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        Re-authorize
      </Button>
      <ConnectShopifyDialog open={open} onOpenChange={setOpen} initialShop={shop} />
    </>
  );
}

export function ShopifyConnectionCard({ connection, now }: { connection: ShopifyConnection; now: number }) {
  const { canWrite } = useOrg();
  const served = connection.pairedTikTokShops.map((shop) => shop.name).join(", ");
  const locale = [connection.currency, connection.timeZone].filter(Boolean).join(" · ");
  return (
    <ConnectionCard
      name={connection.name}
      subtitle={connection.shop}
      status={connection.status}
      statusReason={connection.statusReason}
      notice={reauthorizeNotice({ platform: "Shopify", reauthorizeBy: connection.reauthorizeBy, active: connection.status === "ACTIVE", now })}
      actions={
        canWrite ? (
          <ConnectionActions
            connection={connection}
            reauthorize={<ReauthorizeShopify shop={connection.shop} />}
            disconnectNote={served ? `The TikTok shops it serves (${served}) pause their sync until it is reconnected.` : undefined}
          />
        ) : undefined
      }
    >
      <Fact label="TikTok shops">{served ? `Serves: ${served}` : "Serves no TikTok shop yet"}</Fact>
      {locale ? <Fact label="Currency and time zone">{locale}</Fact> : null}
      <HealthFacts connection={connection} now={now} />
    </ConnectionCard>
  );
}
