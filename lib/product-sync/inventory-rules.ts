import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";

// TikTok's inventory quantity range per warehouse (Update Inventory).
const MAX_QUANTITY = 99_999;

export interface StockInput {
  /** Shopify's available quantity per location of the variant (location ids as Shopify's gids). */
  levels: { locationId: string; available: number }[];
  /** The TikTok SKU's warehouses and current quantities: every one of them must be sent. */
  warehouses: { warehouseId: string; quantity: number }[];
  rules: ProductSyncSettings["inventory"];
}

/**
 * Shopify stock → TikTok stock per warehouse. A warehouse counts the locations assigned to it (with no
 * assignment at all, every location counts for the SKU's first warehouse); from that sum the safety buffer
 * is held back, the allocation percentage taken (rounded down: never offer a unit that is not there), and a
 * result at or below the out-of-stock threshold becomes 0. A warehouse that no rule names keeps TikTok's
 * quantity: Ferry does not own its stock, but must still send it (multi-warehouse shops must send all).
 */
export function computeTikTokStock({ levels, warehouses, rules }: StockInput): { warehouseId: string; quantity: number }[] {
  const assigned = new Map(rules.locations.map((l) => [l.warehouseId, new Set(l.locationIds)]));
  return warehouses.map((warehouse, index) => {
    const locations = assigned.size === 0 ? (index === 0 ? null : undefined) : assigned.get(warehouse.warehouseId);
    if (locations === undefined) return { warehouseId: warehouse.warehouseId, quantity: warehouse.quantity };
    const total = levels.filter((l) => locations === null || locations.has(l.locationId)).reduce((sum, l) => sum + Math.max(0, l.available), 0);
    return { warehouseId: warehouse.warehouseId, quantity: allocate({ total, rules }) };
  });
}

function allocate({ total, rules }: { total: number; rules: ProductSyncSettings["inventory"] }): number {
  const buffered = Math.max(0, total - rules.safetyBuffer);
  const allocated = Math.floor((buffered * rules.allocatePercent) / 100);
  if (allocated <= rules.outOfStockThreshold) return 0;
  return Math.min(MAX_QUANTITY, allocated);
}
