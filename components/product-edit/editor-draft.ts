import type { OverrideInput } from "@/lib/product-edit/override-input";
import type { ProductEditorView } from "./use-product-editor";

// The editor's draft and what a save sends: only the fields that differ from the saved overrides.

export interface Draft {
  title: string | null;
  description: string | null;
  images: string[] | null;
  prices: Record<string, string>;
  allocation: Record<string, string>;
}

export function draftOf(view: Pick<ProductEditorView, "overrides" | "skus">): Draft {
  const o = view.overrides;
  return {
    title: o.title ?? null,
    description: o.description ?? null,
    images: o.images ?? null,
    prices: { ...o.prices },
    allocation: Object.fromEntries(Object.entries(o.allocation).map(([k, v]) => [k, String(v)])),
  };
}

/** What changed against the saved overrides; null clears one ("Use Shopify's value"). */
export function inputOf(view: Pick<ProductEditorView, "overrides" | "skus">, draft: Draft): OverrideInput {
  const o = view.overrides;
  const input: OverrideInput = {};
  if (draft.title !== (o.title ?? null)) input.title = draft.title;
  if (draft.description !== (o.description ?? null)) input.description = draft.description;
  if (JSON.stringify(draft.images) !== JSON.stringify(o.images ?? null)) input.images = draft.images;
  const prices = view.skus.flatMap((s) => {
    const next = draft.prices[s.tiktokSkuId] ?? null;
    return next === (o.prices[s.tiktokSkuId] ?? null) ? [] : [{ tiktokSkuId: s.tiktokSkuId, amount: next }];
  });
  const allocation = view.skus.flatMap((s) => {
    const text = draft.allocation[s.tiktokSkuId];
    const next = text === undefined ? null : Number(text);
    return next === (o.allocation[s.tiktokSkuId] ?? null) ? [] : [{ tiktokSkuId: s.tiktokSkuId, allocatePercent: next }];
  });
  if (prices.length > 0) input.prices = prices;
  if (allocation.length > 0) input.allocation = allocation;
  return input;
}

