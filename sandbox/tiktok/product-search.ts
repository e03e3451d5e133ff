import type { ApiCall, Route } from "./api";
import { fail, ok, type ApiResult } from "./envelope";
import { inCandidates, inIndexes, page, type Matches } from "./pager";
import { productSearchView, productView } from "./product-model";
import type { Product } from "./state";

export const SEARCH_CAP = 10_000; // "The total number of search results can not exceed 10000." (12052180)
const STATUSES = ["ALL", "DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"];

export function pageSize(call: ApiCall, max = 100, dflt?: number): number | null {
  const raw = call.query.get("page_size");
  if (raw === null) return dflt ?? null;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}

function optInt(v: unknown): number | undefined | null {
  if (v === undefined || v === null) return undefined;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

function optStrings(v: unknown): string[] | undefined | null {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
}

function searchProducts(call: ApiCall): ApiResult {
  const shop = call.shop!;
  const size = pageSize(call);
  if (size === null) return fail(12019109, "page size is invalid");
  const b = call.body;
  const status = (b.status ?? "ALL") as string;
  if (typeof status !== "string" || !STATUSES.includes(status)) return fail(12052910, "Invalid input parameters: status.");
  const sellerSkus = optStrings(b.seller_skus);
  const skuIds = optStrings(b.sku_ids);
  if (sellerSkus === null || skuIds === null) return fail(12052910, "Invalid input parameters: seller_skus and sku_ids must be string arrays.");
  if (sellerSkus && sellerSkus.length > 10) return fail(12019027, "The maximum count of “seller_skus” in the search filter is 10.");
  if (skuIds && skuIds.length > 10) return fail(12019087, "The number of SKU IDs exceeds the limit of 10");
  const [cge, cle, uge, ule] = [b.create_time_ge, b.create_time_le, b.update_time_ge, b.update_time_le].map(optInt);
  if (cge === null || cle === null || (cge !== undefined && cle !== undefined && cge > cle)) return fail(12019118, "search create time invalid");
  if (uge === null || ule === null || (uge !== undefined && ule !== undefined && uge > ule)) return fail(12019119, "search update time invalid");

  const s = call.store.s;
  let matches: Matches;
  if (sellerSkus || skuIds) {
    const ids = new Set<string>();
    for (const k of sellerSkus ?? []) for (const id of call.store.skuToProducts.get(`${shop.id}|${k}`) ?? []) ids.add(id);
    const fromSkuIds = new Set<string>();
    for (const k of skuIds ?? []) {
      const id = call.store.skuIdToProduct.get(k);
      if (id && s.products[id]?.shop_id === shop.id && s.products[id]!.live.skus.some((x) => x.id === k)) fromSkuIds.add(id);
    }
    const candidates = sellerSkus && skuIds ? [...ids].filter((id) => fromSkuIds.has(id)) : sellerSkus ? [...ids] : [...fromSkuIds];
    const within = (t: number, ge: number | undefined, le: number | undefined) => t >= (ge ?? -Infinity) && t <= (le ?? Infinity);
    const matching = candidates.map((id) => s.products[id]!)
      .filter((p) => (status === "ALL" || p.status === status) && within(p.create_time, cge, cle) && within(p.update_time, uge, ule));
    matches = inCandidates(matching.map((p) => ({ id: p.id, t: p.update_time })));
  } else {
    const index = call.store.productsByShop.get(status === "ALL" ? shop.id : `${shop.id}|${status}`);
    matches = inIndexes([index], { v: { ge: uge, le: ule }, b: { ge: cge, le: cle } });
  }
  const r = page({ matches, token: call.query.get("page_token"), size, cap: SEARCH_CAP });
  if ("error" in r) return r.error === "cap" ? fail(12052180, "The total number of search results can not exceed 10000.") : fail(12019108, "page number is invalid");
  return ok({ total_count: r.total, products: r.ids.map((id) => productSearchView(s.products[id]!, shop)), next_page_token: r.next });
}

export function findProduct(call: ApiCall, id: string): Product | ApiResult {
  const p = call.store.s.products[id];
  if (!p) return fail(12052032, "The product does not exist");
  if (p.shop_id !== call.shop!.id) return fail(12052048, "You cannot edit the specified product(s) as it isn't listed in your account or shop.");
  return p;
}

function getProduct(call: ApiCall): ApiResult {
  const p = findProduct(call, call.params.product_id!);
  if ("code" in p) return p;
  // A local product published from a global product names its global SKUs.
  const skuMap = p.global_product_id ? call.store.s.globalProducts[p.global_product_id]?.locals.find((l) => l.product_id === p.id)?.sku_map : undefined;
  if (call.query.get("return_under_review_version") === "true") {
    if (!p.pending) return fail(12052547, "There is no version of this product that is under review. Please obtain the online version.");
    return ok(productView(p, call.shop!, p.pending.content, skuMap));
  }
  return ok(productView(p, call.shop!, undefined, skuMap));
}

export const productReadRoutes: Route[] = [
  { method: "POST", path: "/product/202502/products/search", handler: searchProducts },
  { method: "GET", path: "/product/202309/products/{product_id}", handler: getProduct },
];
