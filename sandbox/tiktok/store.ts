import type { SandboxContext } from "../core/platform";
import { RangeIndex } from "../core/range-index";
import { emptyState, type GlobalProduct, type Order, type Product, type TikTokState } from "./state";

export type OrderTimeField = "create_time" | "update_time";
const OTHER: Record<OrderTimeField, OrderTimeField> = { create_time: "update_time", update_time: "create_time" };
/** Times are Unix seconds: 32 bits. */
const newIndex = () => new RangeIndex<string>(32);

/** The key of the order index for a shop, optionally one status and one warehouse, sorted by `field`. */
export function orderIndexKey(o: { shop: string; status?: string; warehouse?: string; field: OrderTimeField }): string {
  return `${o.shop}|${o.status ?? "*"}|${o.warehouse ?? "*"}|${o.field}`;
}

/**
 * The TikTok state slice plus in-memory indexes rebuilt whenever the slice object changes (load, reset).
 * Product and global product indexes are sorted by update_time and filter by create_time; order indexes come in
 * two orientations (sorted by one time field, filtering by the other), so every search window is a range search.
 */
export class Store {
  readonly productsByShop = new Map<string, RangeIndex<string>>();   // `${shop}` and `${shop}|${status}`
  readonly skuToProducts = new Map<string, Set<string>>();           // `${shop}|${seller_sku}` → product ids
  readonly skuIdToProduct = new Map<string, string>();
  private readonly indexedSkus = new Map<string, string[]>();        // product id → seller_sku keys it is indexed under
  private readonly productStatus = new Map<string, string>();
  readonly ordersByShop = new Map<string, RangeIndex<string>>();     // orderIndexKey(...)
  readonly ordersByBuyer = new Map<string, Set<string>>();           // `${shop}|${buyer user id}` → order ids
  private readonly orderIndexed = new Map<string, string[]>();       // order id → the order index keys it is in
  readonly globalsBySeller = new Map<string, RangeIndex<string>>();  // `${seller}` and `${seller}|${status}`
  readonly globalSkuToProducts = new Map<string, Set<string>>();     // `${seller}|${seller_sku}` → global ids
  private readonly globalIndexed = new Map<string, { status: string; skus: string[] }>();
  readonly pendingReviews = new Set<string>();                       // product ids with a version under review
  readonly timedOrders = new Set<string>();                          // order ids in ON_HOLD waiting for their timer
  readonly externalRefs = new Map<string, Set<string>>();            // `${shop}|${platform}|${external id}` → order ids

  constructor(readonly s: TikTokState) {
    for (const p of Object.values(s.products)) this.indexProduct(p);
    for (const o of Object.values(s.orders)) this.indexOrder(o);
    for (const g of Object.values(s.globalProducts)) this.indexGlobal(g);
  }

  indexProduct(p: Product): void {
    const oldStatus = this.productStatus.get(p.id);
    if (oldStatus && oldStatus !== p.status) this.idx(this.productsByShop, `${p.shop_id}|${oldStatus}`).remove(p.id);
    this.productStatus.set(p.id, p.status);
    this.idx(this.productsByShop, p.shop_id).upsert(p.id, p.update_time, p.create_time);
    this.idx(this.productsByShop, `${p.shop_id}|${p.status}`).upsert(p.id, p.update_time, p.create_time);
    for (const key of this.indexedSkus.get(p.id) ?? []) this.skuToProducts.get(key)?.delete(p.id);
    const keys: string[] = [];
    for (const sku of p.live.skus) {
      const key = `${p.shop_id}|${sku.seller_sku}`;
      let set = this.skuToProducts.get(key);
      if (!set) this.skuToProducts.set(key, (set = new Set()));
      set.add(p.id);
      keys.push(key);
      this.skuIdToProduct.set(sku.id, p.id);
    }
    for (const sku of p.pending?.content.skus ?? []) this.skuIdToProduct.set(sku.id, p.id);
    this.indexedSkus.set(p.id, keys);
    if (p.pending) this.pendingReviews.add(p.id);
    else this.pendingReviews.delete(p.id);
  }

  indexOrder(o: Order): void {
    const keys: string[] = [];
    for (const field of ["create_time", "update_time"] as const) {
      for (const status of [undefined, o.status]) {
        for (const warehouse of [undefined, o.warehouse_id]) keys.push(orderIndexKey({ shop: o.shop_id, status, warehouse, field }));
      }
    }
    for (const key of this.orderIndexed.get(o.id) ?? []) if (!keys.includes(key)) this.ordersByShop.get(key)?.remove(o.id);
    for (const key of keys) {
      const field = key.endsWith("create_time") ? "create_time" : "update_time";
      this.idx(this.ordersByShop, key).upsert(o.id, o[field], o[OTHER[field]]);
    }
    this.orderIndexed.set(o.id, keys);
    const buyer = `${o.shop_id}|${o.buyer.user_id}`;
    let mine = this.ordersByBuyer.get(buyer);
    if (!mine) this.ordersByBuyer.set(buyer, (mine = new Set()));
    mine.add(o.id);
    for (const ref of o.external_orders) {
      const key = `${o.shop_id}|${ref.platform}|${ref.id}`;
      let set = this.externalRefs.get(key);
      if (!set) this.externalRefs.set(key, (set = new Set()));
      set.add(o.id);
    }
    if (o.status === "ON_HOLD" && o.on_hold_until !== null) this.timedOrders.add(o.id);
    else this.timedOrders.delete(o.id);
  }

  indexGlobal(g: GlobalProduct): void {
    const old = this.globalIndexed.get(g.id);
    if (old && old.status !== g.status) this.idx(this.globalsBySeller, `${g.seller_id}|${old.status}`).remove(g.id);
    for (const key of old?.skus ?? []) this.globalSkuToProducts.get(key)?.delete(g.id);
    this.idx(this.globalsBySeller, g.seller_id).upsert(g.id, g.update_time, g.create_time);
    this.idx(this.globalsBySeller, `${g.seller_id}|${g.status}`).upsert(g.id, g.update_time, g.create_time);
    const skus = g.content.skus.map((k) => `${g.seller_id}|${k.seller_sku}`);
    for (const key of skus) {
      let set = this.globalSkuToProducts.get(key);
      if (!set) this.globalSkuToProducts.set(key, (set = new Set()));
      set.add(g.id);
    }
    this.globalIndexed.set(g.id, { status: g.status, skus });
  }

  idx(map: Map<string, RangeIndex<string>>, key: string): RangeIndex<string> {
    let i = map.get(key);
    if (!i) map.set(key, (i = newIndex()));
    return i;
  }
}

let cached: Store | null = null;

export function getStore(ctx: SandboxContext): Store {
  const s = ctx.state<TikTokState>("tiktok", emptyState);
  if (!cached || cached.s !== s) cached = new Store(s);
  return cached;
}

export function dropStore(): void {
  cached = null;
}
