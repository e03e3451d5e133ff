"use client";

import { useState, type FormEvent } from "react";
import type { ProductSyncSettings } from "@/lib/settings/sections/product-sync-settings";
import { OverwritePreviewDialog } from "../../product-sync/overwrite-preview-dialog";
import { useOrg } from "../../shell/org-role-context";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { Input } from "../../ui/input";
import type { SectionFormProps } from "./section-form-props";

const FIELDS: { key: keyof ProductSyncSettings["fields"]; label: string }[] = [
  { key: "title", label: "Title" },
  { key: "description", label: "Description" },
  { key: "images", label: "Images" },
  { key: "price", label: "Price" },
  { key: "inventory", label: "Inventory" },
];

// "USD 0.99, JPY 80" ⇄ [{currency, ending}]
const endingsText = (list: ProductSyncSettings["price"]["roundingEndings"]) => list.map((r) => `${r.currency} ${r.ending}`).join(", ");
const parseEndings = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((p) => p.length === 2)
    .map(([currency, ending]) => ({ currency: currency!.toUpperCase(), ending: ending! }));
// "warehouse-id: location-id, location-id" per line ⇄ [{warehouseId, locationIds}]
const locationsText = (list: ProductSyncSettings["inventory"]["locations"]) => list.map((l) => `${l.warehouseId}: ${l.locationIds.join(", ")}`).join("\n");
const parseLocations = (text: string) =>
  text
    .split("\n")
    .map((line) => line.split(":"))
    .filter((p) => p.length >= 2 && p[0]!.trim())
    .map(([warehouseId, ...rest]) => ({ warehouseId: warehouseId!.trim(), locationIds: rest.join(":").split(",").map((s) => s.trim()).filter(Boolean) }));

/** Auto-sync, field switches, price and inventory rules; switching on (or changing it while on) goes through the overwrite preview. */
export function ProductSyncSectionForm({ value, shop, disabled, saving, onSave }: SectionFormProps<"productSync">) {
  const { slug } = useOrg();
  const [draft, setDraft] = useState(value);
  const [endings, setEndings] = useState(endingsText(value.price.roundingEndings));
  const [locations, setLocations] = useState(locationsText(value.inventory.locations));
  const [previewing, setPreviewing] = useState(false);
  const next: ProductSyncSettings = { ...draft, price: { ...draft.price, roundingEndings: parseEndings(endings) }, inventory: { ...draft.inventory, locations: shop ? parseLocations(locations) : [] } };
  const changed = JSON.stringify(next) !== JSON.stringify(value);
  const set = <K extends keyof ProductSyncSettings>(key: K, v: ProductSyncSettings[K]) => setDraft((d) => ({ ...d, [key]: v }));
  const price = (patch: Partial<ProductSyncSettings["price"]>) => set("price", { ...draft.price, ...patch });
  const inventory = (patch: Partial<ProductSyncSettings["inventory"]>) => set("inventory", { ...draft.inventory, ...patch });
  const int = (text: string) => (text.trim() === "" ? 0 : Number.parseInt(text, 10));

  function submit(event: FormEvent) {
    event.preventDefault();
    // Auto-sync writes to TikTok: the merchant sees what it overwrites first (the server refuses it otherwise).
    if (next.autoSync) setPreviewing(true);
    else onSave({ ...next, overwriteGlobalProducts: false });
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={draft.autoSync} disabled={disabled} onChange={(e) => set("autoSync", e.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Auto-sync</span>
          <span className="block text-slate-600">
            Mapped TikTok listings follow their Shopify products. Before it is switched on you see exactly what will be overwritten. Nothing ever flows from TikTok to Shopify.
          </span>
        </span>
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Fields to sync</legend>
        <div className="flex flex-wrap gap-4">
          {FIELDS.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" className="size-4" checked={draft.fields[f.key]} disabled={disabled} onChange={(e) => set("fields", { ...draft.fields, [f.key]: e.target.checked })} />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">Price rules</legend>
        <Field id="ps-percent" label="Markup (%)" hint="Negative for a discount.">
          <Input id="ps-percent" value={draft.price.percentMarkup} disabled={disabled} onChange={(e) => price({ percentMarkup: e.target.value })} />
        </Field>
        <Field id="ps-fixed" label="Fixed markup" hint="In the TikTok market's currency, after the percentage.">
          <Input id="ps-fixed" value={draft.price.fixedMarkup} disabled={disabled} onChange={(e) => price({ fixedMarkup: e.target.value })} />
        </Field>
        <Field id="ps-endings" label="Round up to end in" hint="Per currency, e.g. USD 0.99, JPY 80.">
          <Input id="ps-endings" value={endings} disabled={disabled} onChange={(e) => setEndings(e.target.value)} />
        </Field>
        <Field id="ps-rate" label="Exchange rate" hint="TikTok currency per Shopify currency unit, when they differ.">
          <Input id="ps-rate" value={draft.price.exchangeRate ?? ""} disabled={disabled} onChange={(e) => price({ exchangeRate: e.target.value.trim() === "" ? null : e.target.value })} />
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
          <input type="checkbox" className="size-4" checked={draft.price.compareAtAsListPrice} disabled={disabled} onChange={(e) => price({ compareAtAsListPrice: e.target.checked })} />
          Shopify&apos;s compare-at price becomes TikTok&apos;s list (strikethrough) price where the market has one (US)
        </label>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-slate-900">Inventory rules</legend>
        <Field id="ps-buffer" label="Safety buffer">
          <Input id="ps-buffer" inputMode="numeric" value={String(draft.inventory.safetyBuffer)} disabled={disabled} onChange={(e) => inventory({ safetyBuffer: int(e.target.value) })} />
        </Field>
        <Field id="ps-allocate" label="Share to offer (%)">
          <Input id="ps-allocate" inputMode="numeric" value={String(draft.inventory.allocatePercent)} disabled={disabled} onChange={(e) => inventory({ allocatePercent: int(e.target.value) })} />
        </Field>
        <Field id="ps-threshold" label="Out of stock at or below">
          <Input id="ps-threshold" inputMode="numeric" value={String(draft.inventory.outOfStockThreshold)} disabled={disabled} onChange={(e) => inventory({ outOfStockThreshold: int(e.target.value) })} />
        </Field>
        {shop ? (
          <div className="sm:col-span-3">
            <Field id="ps-locations" label="Shopify locations per TikTok warehouse" hint="One line per warehouse: warehouse id: location id, location id. Empty: every location counts for each SKU's first warehouse.">
              <textarea id="ps-locations" rows={3} className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs" value={locations} disabled={disabled} onChange={(e) => setLocations(e.target.value)} />
            </Field>
          </div>
        ) : null}
      </fieldset>
      {disabled ? null : (
        <Button type="submit" disabled={!changed || saving}>
          {saving ? "Saving…" : next.autoSync ? "Preview and save" : "Save"}
        </Button>
      )}
      {previewing ? (
        <OverwritePreviewDialog
          org={slug}
          open={previewing}
          onOpenChange={setPreviewing}
          request={{ purpose: "settings", tiktokConnectionId: shop?.tiktokConnectionId ?? null, settings: { ...next, overwriteGlobalProducts: true } }}
          confirmLabel="Confirm and save"
          pending={saving}
          onConfirm={({ previewId, overwriteGlobalProducts }) => {
            onSave({ ...next, overwriteGlobalProducts }, { previewId });
            setPreviewing(false);
          }}
        />
      ) : null}
    </form>
  );
}
