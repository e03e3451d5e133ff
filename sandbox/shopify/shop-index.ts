// In-memory indexes derived from a shop's persisted records (rebuilt lazily after a restart or
// reset), so lookups by SKU, barcode, inventory item or source identifier cost O(matches), not O(catalog).
import type { OrderRec, ShopRec, VariantRec } from "./state";

export interface ShopIndex {
  productIds: number[];
  variantIds: number[];
  orderIds: number[];
  bySku: Map<string, number[]>;
  byBarcode: Map<string, number[]>;
  byInventoryItem: Map<number, number>;
  bySourceIdentifier: Map<string, number[]>;
}

const indexes = new WeakMap<ShopRec, ShopIndex>();

export function shopIndex(shop: ShopRec): ShopIndex {
  let ix = indexes.get(shop);
  if (ix) return ix;
  ix = {
    productIds: Object.keys(shop.products).map(Number).sort((a, b) => a - b),
    variantIds: Object.keys(shop.variants).map(Number).sort((a, b) => a - b),
    orderIds: Object.keys(shop.orders).map(Number).sort((a, b) => a - b),
    bySku: new Map(), byBarcode: new Map(), byInventoryItem: new Map(), bySourceIdentifier: new Map(),
  };
  for (const id of ix.variantIds) indexVariant(ix, shop.variants[id]!);
  for (const id of ix.orderIds) indexOrder(ix, shop.orders[id]!);
  indexes.set(shop, ix);
  return ix;
}

function push(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null || key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else insertSorted(list, id);
}

function pull(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null || key === "") return;
  const list = map.get(key);
  if (!list) return;
  removeSorted(list, id);
  if (list.length === 0) map.delete(key);
}

function indexVariant(ix: ShopIndex, v: VariantRec): void {
  push(ix.bySku, v.sku, v.id);
  push(ix.byBarcode, v.barcode, v.id);
  ix.byInventoryItem.set(v.inventoryItemId, v.id);
}

function indexOrder(ix: ShopIndex, o: OrderRec): void {
  push(ix.bySourceIdentifier, o.sourceIdentifier, o.id);
}

export function addVariantToIndex(shop: ShopRec, v: VariantRec): void {
  const ix = shopIndex(shop);
  insertSorted(ix.variantIds, v.id);
  indexVariant(ix, v);
}

export function removeVariantFromIndex(shop: ShopRec, v: VariantRec): void {
  const ix = shopIndex(shop);
  removeSorted(ix.variantIds, v.id);
  pull(ix.bySku, v.sku, v.id);
  pull(ix.byBarcode, v.barcode, v.id);
  ix.byInventoryItem.delete(v.inventoryItemId);
}

/** Call before changing a variant's sku or barcode, with the new values. */
export function reindexVariant(shop: ShopRec, v: VariantRec, next: { sku: string | null; barcode: string | null }): void {
  const ix = shopIndex(shop);
  pull(ix.bySku, v.sku, v.id);
  pull(ix.byBarcode, v.barcode, v.id);
  push(ix.bySku, next.sku, v.id);
  push(ix.byBarcode, next.barcode, v.id);
}

export function addProductToIndex(shop: ShopRec, id: number): void {
  insertSorted(shopIndex(shop).productIds, id);
}

export function removeProductFromIndex(shop: ShopRec, id: number): void {
  removeSorted(shopIndex(shop).productIds, id);
}

export function addOrderToIndex(shop: ShopRec, o: OrderRec): void {
  const ix = shopIndex(shop);
  insertSorted(ix.orderIds, o.id);
  indexOrder(ix, o);
}

/** First position whose id is greater than `id` (ids ascending). */
export function upperBound(ids: number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function lowerBound(ids: number[], id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(ids: number[], id: number): void {
  if (ids.length === 0 || ids[ids.length - 1]! < id) {
    ids.push(id);
    return;
  }
  const at = lowerBound(ids, id);
  if (ids[at] !== id) ids.splice(at, 0, id);
}

function removeSorted(ids: number[], id: number): void {
  const at = lowerBound(ids, id);
  if (ids[at] === id) ids.splice(at, 1);
}
