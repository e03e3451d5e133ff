// In-memory indexes derived from a shop's persisted records (rebuilt lazily after a restart or reset), so
// searches and pages cost O(log n + page) or O(matches), never O(catalog). Every change to a record that a
// search can see goes through one of the index* functions below.
import { RangeIndex } from "../core/range-index";
import type { SortValue } from "../core/sorted-run";
import type { FulfillmentOrderRec, OrderRec, ProductRec, ShopRec, VariantRec } from "./state";

/** Seconds since the epoch of an ISO timestamp (the sandbox's timestamps have whole seconds); 0 when unreadable. */
export function seconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

interface Entry { partitions: string[]; updated: number; extra: Record<string, SortValue> }

/**
 * One kind of record, indexed per partition ("" is everything, others e.g. "status:active") in several
 * orientations: "id" (sorted by id, filtering by updatedAt), "updated" (sorted by updatedAt, filtering by id)
 * and one per extra sort key (TITLE, SKU, …), which filters by updatedAt when `filtered` says so.
 */
export class ResourceIndex {
  private readonly by = new Map<string, Map<string, RangeIndex<number>>>();
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly extras: Record<string, { filtered: boolean }> = {}) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether an extra sort key's indexes filter by updatedAt. */
  filters(key: string): boolean {
    return this.extras[key]?.filtered ?? false;
  }

  index(orientation: string, partition: string): RangeIndex<number> | undefined {
    return this.by.get(orientation)?.get(partition);
  }

  upsert(id: number, next: Entry): void {
    const old = this.entries.get(id);
    for (const p of old?.partitions ?? []) if (!next.partitions.includes(p)) for (const map of this.by.values()) map.get(p)?.remove(id);
    for (const p of next.partitions) {
      this.at("id", p, 32).upsert(id, id, next.updated);
      this.at("updated", p, 32).upsert(id, next.updated, id);
      for (const [key, v] of Object.entries(next.extra)) {
        const filtered = this.filters(key);
        this.at(key, p, filtered ? 32 : 0).upsert(id, v, filtered ? next.updated : 0);
      }
    }
    this.entries.set(id, next);
  }

  remove(id: number): void {
    const old = this.entries.get(id);
    if (!old) return;
    for (const p of old.partitions) for (const map of this.by.values()) map.get(p)?.remove(id);
    this.entries.delete(id);
  }

  /** Everything, by id. */
  get all(): RangeIndex<number> {
    return this.at("id", "", 32);
  }

  private at(orientation: string, partition: string, bits: number): RangeIndex<number> {
    let map = this.by.get(orientation);
    if (!map) this.by.set(orientation, (map = new Map()));
    let ix = map.get(partition);
    if (!ix) map.set(partition, (ix = new RangeIndex<number>(bits)));
    return ix;
  }
}

export interface ShopIndex {
  products: ResourceIndex;
  variants: ResourceIndex;
  orders: ResourceIndex;
  fulfillmentOrders: ResourceIndex;
  bySku: Map<string, number[]>;
  byBarcode: Map<string, number[]>;
  byInventoryItem: Map<number, number>;
  bySourceIdentifier: Map<string, number[]>;
  productsByTag: Map<string, number[]>;
  ordersByTag: Map<string, number[]>;
  ordersByName: Map<string, number[]>;
  ordersByEmail: Map<string, number[]>;
  /** location id → inventory item ids stocked there */
  levelsByLocation: Map<number, RangeIndex<number>>;
  /** the latest createdAt handed out, so createdAt never decreases as ids grow (see creationTime) */
  lastCreatedMs: number;
  /** what each record was last indexed under, to unindex it when it changes */
  keys: Map<string, string[]>;
}

const indexes = new WeakMap<ShopRec, ShopIndex>();

export function shopIndex(shop: ShopRec): ShopIndex {
  let ix = indexes.get(shop);
  if (ix) return ix;
  ix = {
    products: new ResourceIndex({ TITLE: { filtered: false } }), variants: new ResourceIndex({ SKU: { filtered: false }, TITLE: { filtered: false } }),
    // PROCESSED_AT is the default sort of orders, so it filters by updatedAt like id and updatedAt do
    orders: new ResourceIndex({ PROCESSED_AT: { filtered: true } }), fulfillmentOrders: new ResourceIndex(),
    bySku: new Map(), byBarcode: new Map(), byInventoryItem: new Map(), bySourceIdentifier: new Map(),
    productsByTag: new Map(), ordersByTag: new Map(), ordersByName: new Map(), ordersByEmail: new Map(),
    levelsByLocation: new Map(), lastCreatedMs: 0, keys: new Map(),
  };
  indexes.set(shop, ix);
  const byId = <T extends { id: number }>(records: Record<string, T>) => Object.values(records).sort((a, b) => a.id - b.id);
  for (const p of byId(shop.products)) indexProduct(shop, p);
  for (const v of byId(shop.variants)) indexVariant(shop, v);
  for (const o of byId(shop.orders)) indexOrder(shop, o);
  for (const fo of byId(shop.fulfillmentOrders)) indexFulfillmentOrder(shop, fo);
  for (const [item, byLocation] of Object.entries(shop.levels)) for (const loc of Object.keys(byLocation)) indexLevel(shop, Number(item), Number(loc));
  for (const rec of [...Object.values(shop.products), ...Object.values(shop.orders)]) ix.lastCreatedMs = Math.max(ix.lastCreatedMs, Date.parse(rec.createdAt));
  return ix;
}

/**
 * The createdAt for a record created now. Ids grow with creation; keeping createdAt from ever going back
 * (a wall clock can step back) makes created_at ranges id ranges and CREATED_AT order id order.
 */
export function creationTime(shop: ShopRec, nowMs: number): number {
  const ix = shopIndex(shop);
  ix.lastCreatedMs = Math.max(ix.lastCreatedMs, nowMs);
  return ix.lastCreatedMs;
}

function push(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null || key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

function pull(map: Map<string, number[]>, key: string | null, id: number): void {
  if (key === null || key === "") return;
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(id);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/** Re-files a record in hash maps: `maps[name]` gets the record's keys for that name. */
function refile(ix: ShopIndex, record: string, id: number, keys: Record<string, (string | null)[]>, maps: Record<string, Map<string, number[]>>): void {
  const flat = Object.entries(keys).flatMap(([name, values]) => values.filter((v): v is string => v !== null && v !== "").map((v) => `${name}\u0000${v}`));
  const old = ix.keys.get(`${record}:${id}`) ?? [];
  for (const k of old) if (!flat.includes(k)) pull(maps[k.split("\u0000")[0]!]!, k.slice(k.indexOf("\u0000") + 1), id);
  for (const k of flat) push(maps[k.split("\u0000")[0]!]!, k.slice(k.indexOf("\u0000") + 1), id);
  if (flat.length) ix.keys.set(`${record}:${id}`, flat);
  else ix.keys.delete(`${record}:${id}`);
}

export function indexProduct(shop: ShopRec, p: ProductRec): void {
  const ix = shopIndex(shop);
  ix.products.upsert(p.id, { partitions: ["", `status:${p.status.toLowerCase()}`], updated: seconds(p.updatedAt), extra: { TITLE: p.title.toLowerCase() } });
  refile(ix, "product", p.id, { tag: p.tags.map((t) => t.toLowerCase()) }, { tag: ix.productsByTag });
}

export function unindexProduct(shop: ShopRec, p: ProductRec): void {
  const ix = shopIndex(shop);
  ix.products.remove(p.id);
  refile(ix, "product", p.id, {}, { tag: ix.productsByTag });
}

export function indexVariant(shop: ShopRec, v: VariantRec): void {
  const ix = shopIndex(shop);
  ix.variants.upsert(v.id, { partitions: [""], updated: seconds(v.updatedAt), extra: { SKU: (v.sku ?? "").toLowerCase(), TITLE: v.title.toLowerCase() } });
  refile(ix, "variant", v.id, { sku: [v.sku], barcode: [v.barcode] }, { sku: ix.bySku, barcode: ix.byBarcode });
  ix.byInventoryItem.set(v.inventoryItemId, v.id);
}

export function unindexVariant(shop: ShopRec, v: VariantRec): void {
  const ix = shopIndex(shop);
  ix.variants.remove(v.id);
  refile(ix, "variant", v.id, {}, { sku: ix.bySku, barcode: ix.byBarcode });
  ix.byInventoryItem.delete(v.inventoryItemId);
  for (const loc of Object.keys(shop.levels[v.inventoryItemId] ?? {})) ix.levelsByLocation.get(Number(loc))?.remove(v.inventoryItemId);
}

export function orderStatus(o: OrderRec): string {
  return o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open";
}

export function indexOrder(shop: ShopRec, o: OrderRec): void {
  const ix = shopIndex(shop);
  ix.orders.upsert(o.id, { partitions: ["", `status:${orderStatus(o)}`], updated: seconds(o.updatedAt), extra: { PROCESSED_AT: seconds(o.processedAt) } });
  refile(ix, "order", o.id, { source: [o.sourceIdentifier], tag: o.tags.map((t) => t.toLowerCase()), name: [o.name.toLowerCase()], email: [o.email?.toLowerCase() ?? null] },
    { source: ix.bySourceIdentifier, tag: ix.ordersByTag, name: ix.ordersByName, email: ix.ordersByEmail });
}

export function indexFulfillmentOrder(shop: ShopRec, fo: FulfillmentOrderRec): void {
  const status = `status:${fo.status.toLowerCase()}`;
  shopIndex(shop).fulfillmentOrders.upsert(fo.id, { partitions: ["", status, `loc:${fo.locationId}`, `loc:${fo.locationId}|${status}`], updated: seconds(fo.updatedAt), extra: {} });
}

/** Call after an inventory level is created at a location (levels are never removed but with their variant). */
export function indexLevel(shop: ShopRec, inventoryItemId: number, locationId: number): void {
  const ix = shopIndex(shop);
  let levels = ix.levelsByLocation.get(locationId);
  if (!levels) ix.levelsByLocation.set(locationId, (levels = new RangeIndex<number>()));
  levels.upsert(inventoryItemId, inventoryItemId);
}
