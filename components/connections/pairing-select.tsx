"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Select } from "../ui/select";
import { statusLabels } from "./connection-status";
import type { ShopifyConnection, TikTokConnection } from "./connection-types";
import { usePairTikTokShop } from "./use-connections";

interface PairingSelectProps {
  connection: Pick<TikTokConnection, "id" | "name" | "pairedShopify">;
  shopifyStores: Pick<ShopifyConnection, "id" | "name" | "status">[];
}

/** "Paired with [store]": changes the Shopify store a TikTok shop is paired with. */
export function PairingSelect({ connection, shopifyStores }: PairingSelectProps) {
  const { slug } = useOrg();
  const pair = usePairTikTokShop(slug);
  const id = useId();
  // Shows the choice while the change is saved, instead of snapping back to the old store.
  const [choosing, setChoosing] = useState<string | null>(null);
  const current = connection.pairedShopify?.id ?? "";
  const options = shopifyStores.filter((store) => store.status === "ACTIVE" || store.id === current);

  return (
    <span className="inline-flex items-center gap-2">
      <label htmlFor={id}>Paired with</label>
      <Select
        id={id}
        value={choosing ?? current}
        disabled={pair.isPending}
        onChange={(e) => {
          const store = shopifyStores.find((s) => s.id === e.target.value);
          if (!store) return;
          setChoosing(store.id);
          pair.mutateAsync({ id: connection.id, pairedShopifyId: store.id }).then(
            () => toast.success(`${connection.name} is now paired with ${store.name}.`),
            (error: Error) => toast.error(error.message),
          ).finally(() => setChoosing(null));
        }}
      >
        {current === "" ? (
          <option value="" disabled>
            Choose a store
          </option>
        ) : null}
        {options.map((store) => (
          <option key={store.id} value={store.id}>
            {store.status === "ACTIVE" ? store.name : `${store.name} (${statusLabels[store.status].toLowerCase()})`}
          </option>
        ))}
      </Select>
    </span>
  );
}
