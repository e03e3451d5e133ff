"use client";

import { useState, type FormEvent } from "react";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { shopDomainHint, shopDomainHintText } from "./shop-domain-hint";
import { useStartShopifyConnect } from "./use-connections";

interface ConnectShopifyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Re-authorizing a known store starts from its domain. */
  initialShop?: string;
}

export function ConnectShopifyDialog({ open, onOpenChange, initialShop = "" }: ConnectShopifyDialogProps) {
  const { slug } = useOrg();
  const connect = useStartShopifyConnect(slug);
  const [shop, setShop] = useState(initialShop);
  // After success the browser is on its way to Shopify: keep the button busy until it leaves.
  const busy = connect.isPending || connect.isSuccess;
  const hint = shopDomainHint(shop);
  const error = connect.error?.message;

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setShop(initialShop);
      connect.reset();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    connect.mutate(shop.trim());
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={initialShop ? "Re-authorize Shopify" : "Connect Shopify"}
      description="You approve Ferry on Shopify's install page and come back here. Ferry never asks for API keys."
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="shopify-shop" label="Shop domain" error={error} hint={shopDomainHintText(hint)}>
          <Input
            id="shopify-shop"
            value={shop}
            onChange={(e) => {
              setShop(e.target.value);
              if (connect.isError) connect.reset();
            }}
            placeholder="your-store.myshopify.com"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            aria-invalid={!!error}
            aria-describedby={error ? "shopify-shop-error" : "shopify-shop-hint"}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy || hint.kind === "empty"}>
            {busy ? "Opening Shopify…" : "Continue to Shopify"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
