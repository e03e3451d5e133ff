"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Select } from "../ui/select";
import { connectedShopsMessage } from "./connect-return";
import { TIKTOK_NEEDS_SHOPIFY } from "./connect-tiktok-button";
import { sellerTypeLabels } from "./connection-status";
import type { PendingAuthorization, ShopifyConnection } from "./connection-types";
import { initialSelection, pairableStores, selectionRequest, toggleShop } from "./shop-picker-selection";
import { useConnectTikTokShops } from "./use-connections";

interface ShopPickerFormProps {
  authorization: PendingAuthorization;
  shopifyStores: ShopifyConnection[];
  onDone?: () => void;
}

/** One row per authorized TikTok shop: a checkbox, and for a checked shop the Shopify store it uses. */
export function ShopPickerForm({ authorization, shopifyStores, onDone }: ShopPickerFormProps) {
  const { slug } = useOrg();
  const router = useRouter();
  const connect = useConnectTikTokShops(slug);
  const baseId = useId();
  const stores = pairableStores(shopifyStores);
  const defaultStoreId = stores[0]?.id ?? null;
  const [selection, setSelection] = useState(() => initialSelection({ shops: authorization.shops, defaultStoreId }));
  const request = selectionRequest({ selection, shops: authorization.shops });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // mutateAsync: once connected, this authorization leaves the list and this form unmounts.
    connect.mutateAsync({ authorizationId: authorization.id, shops: request }).then(
      ({ connected }) => {
        toast.success(connectedShopsMessage(connected.length));
        onDone?.();
        router.refresh();
      },
      () => undefined, // shown below the list
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset>
        <legend className="sr-only">TikTok shops authorized{authorization.sellerName ? ` by ${authorization.sellerName}` : ""}</legend>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {authorization.shops.map((shop) => {
            const id = `${baseId}-${shop.shopId}`;
            const connected = shop.connectedConnectionId !== null;
            const storeId = selection[shop.shopId];
            return (
              <li key={shop.shopId} className="flex flex-wrap items-center gap-3 px-3 py-2.5 text-sm">
                <input
                  id={id}
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  aria-describedby={`${id}-details`}
                  checked={connected || storeId !== undefined}
                  disabled={connected || defaultStoreId === null || connect.isPending}
                  onChange={(e) => setSelection((s) => toggleShop({ selection: s, shopId: shop.shopId, storeId: e.target.checked ? defaultStoreId : null }))}
                />
                <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
                  <label htmlFor={id} className="font-medium text-slate-900">
                    {shop.name}
                  </label>
                  <span id={`${id}-details`} className="inline-flex items-center gap-2 text-slate-500">
                    {shop.region}
                    <Badge tone="brand">{sellerTypeLabels[shop.sellerType]}</Badge>
                  </span>
                </div>
                {connected ? (
                  <Badge tone="success">Connected</Badge>
                ) : storeId !== undefined ? (
                  <Select
                    aria-label={`Shopify store for ${shop.name}`}
                    value={storeId}
                    disabled={connect.isPending}
                    onChange={(e) => setSelection((s) => toggleShop({ selection: s, shopId: shop.shopId, storeId: e.target.value }))}
                  >
                    {stores.map((store) => (
                      <option key={store.id} value={store.id}>
                        {store.name}
                      </option>
                    ))}
                  </Select>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {defaultStoreId === null ? <p className="text-sm text-amber-800">{TIKTOK_NEEDS_SHOPIFY}</p> : null}
      {connect.error ? (
        <p role="alert" className="text-sm text-red-600">
          {connect.error.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            Not now
          </Button>
        ) : null}
        <Button type="submit" disabled={request.length === 0 || connect.isPending}>
          {connect.isPending ? "Connecting…" : "Connect selected shops"}
        </Button>
      </div>
    </form>
  );
}
