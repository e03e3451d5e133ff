"use client";

import { Plus, Store } from "lucide-react";
import { useState } from "react";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { ConnectShopifyDialog } from "./connect-shopify-dialog";
import { ConnectionSection } from "./connection-section";
import type { ShopifyConnection } from "./connection-types";
import { ShopifyConnectionCard } from "./shopify-connection-card";

export function ShopifySection({ connections, now }: { connections: ShopifyConnection[]; now: number }) {
  const { canWrite } = useOrg();
  const [connecting, setConnecting] = useState(false);
  const connectButton = canWrite ? (
    <Button onClick={() => setConnecting(true)}>
      <Plus aria-hidden />
      Connect Shopify
    </Button>
  ) : undefined;

  return (
    <ConnectionSection
      title="Shopify stores"
      description="The source of truth for products, stock and fulfillment."
      action={connections.length > 0 ? connectButton : undefined}
    >
      {connections.length === 0 ? (
        <EmptyState
          icon={Store}
          title="Connect your Shopify store"
          description={
            canWrite
              ? "Enter your shop domain and approve Ferry on Shopify's install page. You will not need to paste any API keys."
              : "No Shopify store is connected yet. An owner or admin can connect one."
          }
          action={connectButton}
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {connections.map((connection) => (
            <ShopifyConnectionCard key={connection.id} connection={connection} now={now} />
          ))}
        </div>
      )}
      {canWrite ? <ConnectShopifyDialog open={connecting} onOpenChange={setConnecting} /> : null}
    </ConnectionSection>
  );
}
