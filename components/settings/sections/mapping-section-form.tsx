"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../../ui/button";
import type { SectionFormProps } from "./section-form-props";

export function MappingSectionForm({ value, disabled, saving, onSave }: SectionFormProps<"mapping">) {
  const [autoMapNewProducts, setAutoMapNewProducts] = useState(value.autoMapNewProducts);
  const changed = autoMapNewProducts !== value.autoMapNewProducts;
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({ autoMapNewProducts });
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={autoMapNewProducts} disabled={disabled} onChange={(e) => setAutoMapNewProducts(e.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Auto-map new products</span>
          <span className="block text-slate-600">
            New TikTok products are mapped as they arrive when every SKU has exactly one Shopify variant with the same SKU. The others wait under Needs attention with the reason.
          </span>
        </span>
      </label>
      {disabled ? null : (
        <Button type="submit" disabled={!changed || saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
      )}
    </form>
  );
}
