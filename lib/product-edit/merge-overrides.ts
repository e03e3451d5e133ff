import type { ListingOverrides, OverrideInput } from "./override-input";

/** Pure: the saved overrides with an editor's (unsaved) input applied; null clears a field. */
export function mergeOverrides(saved: ListingOverrides, input: OverrideInput): ListingOverrides {
  const next: ListingOverrides = { ...saved, prices: { ...saved.prices }, allocation: { ...saved.allocation } };
  if (input.title !== undefined) next.title = input.title === null ? undefined : input.title.trim();
  if (input.description !== undefined) next.description = input.description ?? undefined;
  if (input.images !== undefined) next.images = input.images ?? undefined;
  for (const p of input.prices ?? []) {
    if (p.amount === null) delete next.prices[p.tiktokSkuId];
    else next.prices[p.tiktokSkuId] = p.amount.trim();
  }
  for (const a of input.allocation ?? []) {
    if (a.allocatePercent === null) delete next.allocation[a.tiktokSkuId];
    else next.allocation[a.tiktokSkuId] = a.allocatePercent;
  }
  if (input.scope) next.scope = input.scope;
  return next;
}
