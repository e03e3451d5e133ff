import type { SandboxContext } from "../core/platform";
import { SortedIndex } from "./sorted-index";
import { emptyState, type GlobalProduct, type Order, type Product, type TikTokState } from "./state";

export type OrderTimeField = "create_time" | "update_time";

/** The TikTok state slice plus in-memory indexes rebuilt whenever the slice object changes (load, reset). */
export class Store {
  readonly productsByShop = new Map<string, SortedIndex>();          // `${shop}` and `${shop}|${status}` → by update_time
  readonly skuToProducts = new Map<string, Set<string>>();           // `${shop}|${seller_sku}` → product ids
  readonly skuIdToProduct = new Map<string, string>();
  private readonly indexedSkus = new Map<string, string[]>();        // product id → seller_sku keys it is indexed under
  private readonly productStatus = new Map<string, string>();
  readonly ordersByShop = new Map<string, SortedIndex>();            // `${shop}|${field}` and `${shop}|${status}|${field}`
  private readonly orderStatus = new Map<string, string>();
  readonly globalsBySeller = new Map<string, SortedIndex>();         // `${seller}` and `${seller}|${status}` → by update_time
  readonly globalSkuToProducts = new Map<string, Set<string>>();     // `${seller}|${seller_sku}` → global ids
  private readonly globalIndexed = new Map<string, { status: string; skus: string[] }>();
  readonly pendingReviews = new Set<string>();                       // product ids with a version under review
  readonly timedOrders = new Set<string>();
  readonly externalRefs = new Map<string, Set<string>>();            // `${shop}|${platform}|${external id}` → order ids                          // order ids in ON_HOLD waiting for their timer

  constructor(readonly s: TikTokState) {
    for (const p of Object.values(s.products)) this.indexProduct(p);
    for (const o of Object.values(s.orders)) this.indexOrder(o);
    for (const g of Object.values(s.globalProducts)) this.indexGlobal(g);
  }

  indexProduct(p: Product): void {
    const oldStatus = this.productStatus.get(p.id);
    if (oldStatus && oldStatus !== p.status) this.idx(this.productsByShop, `${p.shop_id}|${oldStatus}`).remove(p.id);
    this.productStatus.set(p.id, p.status);
    this.idx(this.productsByShop, p.shop_id).upsert(p.id, p.update_time);
    this.idx(this.productsByShop, `${p.shop_id}|${p.status}`).upsert(p.id, p.update_time);
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
    const old = this.orderStatus.get(o.id);
    for (const field of ["create_time", "update_time"] as const) {
      if (old && old !== o.status) this.idx(this.ordersByShop, `${o.shop_id}|${old}|${field}`).remove(o.id);
      this.idx(this.ordersByShop, `${o.shop_id}|${field}`).upsert(o.id, o[field]);
      this.idx(this.ordersByShop, `${o.shop_id}|${o.status}|${field}`).upsert(o.id, o[field]);
    }
    this.orderStatus.set(o.id, o.status);
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
    this.idx(this.globalsBySeller, g.seller_id).upsert(g.id, g.update_time);
    this.idx(this.globalsBySeller, `${g.seller_id}|${g.status}`).upsert(g.id, g.update_time);
    const skus = g.content.skus.map((k) => `${g.seller_id}|${k.seller_sku}`);
    for (const key of skus) {
      let set = this.globalSkuToProducts.get(key);
      if (!set) this.globalSkuToProducts.set(key, (set = new Set()));
      set.add(g.id);
    }
    this.globalIndexed.set(g.id, { status: g.status, skus });
  }

  idx(map: Map<string, SortedIndex>, key: string): SortedIndex {
    let i = map.get(key);
    if (!i) map.set(key, (i = new SortedIndex()));
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
