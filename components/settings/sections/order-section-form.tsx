"use client";

import { useState, type FormEvent } from "react";
import type { OrderSettings } from "@/lib/settings/sections/order-settings";
import { Button } from "../../ui/button";
import { Input } from "../../ui/input";
import { Select } from "../../ui/select";
import type { SectionFormProps } from "./section-form-props";

const BEHAVIOURS: { value: OrderSettings["inventoryBehaviour"]; label: string }[] = [
  { value: "DECREMENT_IGNORING_POLICY", label: "Take units out of stock, never refuse an order (default)" },
  { value: "DECREMENT_OBEYING_POLICY", label: "Take units out of stock, refuse when a variant is out of stock" },
  { value: "BYPASS", label: "Leave Shopify stock alone" },
];

export function OrderSectionForm({ value, disabled, saving, onSave }: SectionFormProps<"orders">) {
  const [draft, setDraft] = useState<OrderSettings>(value);
  const changed = JSON.stringify(draft) !== JSON.stringify(value);
  const set = <K extends keyof OrderSettings>(key: K, v: OrderSettings[K]) => setDraft((d) => ({ ...d, [key]: v }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(draft);
  }
  return (
    <form onSubmit={submit} className="space-y-4 text-sm">
      <label className="flex items-start gap-3">
        <input type="checkbox" className="mt-0.5 size-4" checked={draft.importOnHold} disabled={disabled} onChange={(e) => set("importOnHold", e.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Import orders during TikTok&apos;s hold</span>
          <span className="block text-slate-600">
            Create the Shopify order while TikTok holds it (about an hour in which the buyer may cancel). It shows as Held and its fulfillment is on hold in Shopify until TikTok&apos;s hold ends; a cancellation cancels it in Shopify with restock.
          </span>
        </span>
      </label>
      <label className="block space-y-1">
        <span className="font-medium text-slate-900">Email for masked buyers</span>
        <span className="block text-slate-600">Used when TikTok hides the buyer&apos;s email. Leave empty to create those orders without one.</span>
        <Input type="email" aria-label="Email for masked buyers" value={draft.fallbackEmail} disabled={disabled} onChange={(e) => set("fallbackEmail", e.target.value.trim())} placeholder="orders@example.com" />
      </label>
      <label className="block space-y-1">
        <span className="font-medium text-slate-900">Shopify stock</span>
        <Select aria-label="Shopify stock" value={draft.inventoryBehaviour} disabled={disabled} onChange={(e) => set("inventoryBehaviour", e.target.value as OrderSettings["inventoryBehaviour"])}>
          {BEHAVIOURS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </Select>
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block space-y-1">
          <span className="font-medium text-slate-900">Sample orders</span>
          <Select aria-label="Sample orders" value={draft.sampleOrders} disabled={disabled} onChange={(e) => set("sampleOrders", e.target.value as OrderSettings["sampleOrders"])}>
            <option value="import">Import (tagged Sample)</option>
            <option value="skip">Skip</option>
          </Select>
        </label>
        <label className="block space-y-1">
          <span className="font-medium text-slate-900">Replacement orders</span>
          <Select aria-label="Replacement orders" value={draft.replacementOrders} disabled={disabled} onChange={(e) => set("replacementOrders", e.target.value as OrderSettings["replacementOrders"])}>
            <option value="import">Import (tagged Replacement)</option>
            <option value="skip">Skip</option>
          </Select>
        </label>
      </div>
      {disabled ? null : (
        <Button type="submit" disabled={!changed || saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
      )}
    </form>
  );
}
