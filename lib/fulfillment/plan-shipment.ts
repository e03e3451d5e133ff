// Which TikTok line items a Shopify fulfillment ships, and through which endpoint. Pure; table-tested in
// plan-shipment.test.ts.
//
// TikTok has one line item per unit; Shopify has one line per variant with a quantity. A fulfilled
// Shopify line takes that many not-yet-shipped TikTok items of the SKU it maps to. Then:
// - everything still unshipped is covered (or the Shopify order is now fully fulfilled): ship the open
//   package with the tracking (Ship Package, every market);
// - part of it, in a market with split shipments (Mark Package As Shipped): ship those items as a new package;
// - part of it elsewhere: TikTok ships the package whole, so the first fulfillment ships it.

/** Markets where Mark Package As Shipped (and with it a split by line items) is available. */
export const SPLIT_SHIPMENT_MARKETS: ReadonlySet<string> = new Set(["US", "GB", "UK", "ES", "IE", "IT", "DE", "FR", "JP"]);

export interface PlanLineItem {
  id: string;
  skuId: string;
  sellerSku: string | null;
  packageId: string | null;
  /** Shipped already (its package left TO_FULFILL, or it has a tracking number). */
  shipped: boolean;
}

export interface FulfilledLine {
  quantity: number;
  sku: string | null;
  /** TikTok SKU ids the line's Shopify variant is mapped to (the mapping table), if any. */
  mappedSkuIds: readonly string[];
}

export type ShipmentPlan =
  | { kind: "package"; packageId: string; lineItemIds: string[]; split: false }
  | { kind: "split"; lineItemIds: string[]; split: true }
  | { kind: "nothing-left" }
  | { kind: "unmatched"; reason: string };

export interface PlanShipmentInput {
  region: string;
  lineItems: readonly PlanLineItem[];
  fulfilled: readonly FulfilledLine[];
  /** No Shopify line item is left to fulfil after this fulfillment. */
  orderFullyFulfilled: boolean;
}

const norm = (sku: string | null | undefined) => (sku ?? "").trim().toLowerCase();

export function planShipment({ region, lineItems, fulfilled, orderFullyFulfilled }: PlanShipmentInput): ShipmentPlan {
  const unshipped = lineItems.filter((li) => !li.shipped);
  if (unshipped.length === 0) return { kind: "nothing-left" };
  const openPackage = unshipped.find((li) => li.packageId)?.packageId ?? null;

  const taken = new Set<string>();
  let unmatchedUnits = 0;
  for (const line of fulfilled) {
    const candidates = unshipped.filter((li) => !taken.has(li.id) && (line.mappedSkuIds.includes(li.skuId) || (line.sku && norm(li.sellerSku) === norm(line.sku))));
    const chosen = candidates.slice(0, line.quantity);
    for (const li of chosen) taken.add(li.id);
    unmatchedUnits += line.quantity - chosen.length;
  }
  const everything = taken.size === unshipped.length || orderFullyFulfilled;
  const all = unshipped.map((li) => li.id);

  if (everything || !SPLIT_SHIPMENT_MARKETS.has(region)) {
    if (taken.size === 0 && !everything) return { kind: "unmatched", reason: unmatchedReason(unmatchedUnits) };
    if (!openPackage) return { kind: "unmatched", reason: "TikTok has no open package for the items left to ship." };
    return { kind: "package", packageId: openPackage, lineItemIds: all, split: false };
  }
  if (taken.size === 0) return { kind: "unmatched", reason: unmatchedReason(unmatchedUnits) };
  return { kind: "split", lineItemIds: unshipped.filter((li) => taken.has(li.id)).map((li) => li.id), split: true };
}

function unmatchedReason(units: number): string {
  return `None of the ${units} fulfilled unit${units === 1 ? "" : "s"} matches a TikTok item still to ship (by mapping or seller SKU).`;
}
