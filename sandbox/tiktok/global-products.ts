import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxResponse } from "../core/platform";
import type { ApiCall, Route } from "./api";
import { sec } from "./config";
import { issues } from "./control-products";
import { fail, ok, type ApiResult } from "./envelope";
import { emit } from "./events";
import { nextId } from "./ids";
import { inCandidates, inIndexes, page } from "./pager";
import { resolveMainImages } from "./product-images";
import { identifierType, imageFromUrl, newProduct, productSeed, salesAttributes } from "./product-model";
import { pageSize, SEARCH_CAP } from "./product-search";
import { normalizeAmount } from "./regions";
import { touchProduct } from "./review";
import type { Store } from "./store";
import type { GlobalProduct, GlobalSku, Sku } from "./state";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const GLOBAL_CURRENCY = "USD"; // global prices are set in USD; markets get local prices

const globalInput = z.object({ sellerId: z.string().optional(), products: z.array(productSeed).min(1).max(10_000), publishTo: z.array(z.string()).min(1) }).strict();

export function createGlobalProducts(ctx: SandboxContext, store: Store, input: unknown): SandboxResponse {
  const r = globalInput.safeParse(input);
  if (!r.success) return badRequest(`bad global products: ${issues(r.error)}`);
  const s = store.s;
  const shops = r.data.publishTo.map((id) => s.shops[id]);
  if (shops.some((x) => !x)) return badRequest(`publishTo has an unknown shop: ${r.data.publishTo.filter((id) => !s.shops[id]).join(", ")}`, 404);
  const sellerId = r.data.sellerId ?? shops[0]!.seller_id;
  if (!s.sellers[sellerId]) return badRequest(`unknown seller ${sellerId}`, 404);
  if (shops.some((x) => x!.seller_id !== sellerId)) return badRequest("every publishTo shop must belong to the global product's seller");
  if (new Set(shops.map((x) => x!.region)).size !== shops.length) return badRequest("publish to at most one shop per market");
  const now = ctx.now();
  const out = [];
  for (const seed of r.data.products) {
    const g: GlobalProduct = {
      id: nextId(s, "globalProduct"), seller_id: sellerId, status: "PUBLISHED", create_time: sec(now), update_time: sec(now), locals: [], history: [],
      content: {
        title: seed.title, description: seed.description, main_images: (seed.images ?? []).map(imageFromUrl),
        skus: seed.skus.map((k): GlobalSku => ({
          id: nextId(s, "globalSku"), seller_sku: k.sellerSku, price: { amount: normalizeAmount(k.price, GLOBAL_CURRENCY) ?? k.price, currency: GLOBAL_CURRENCY },
          sales_attributes: salesAttributes(k.salesAttributes), global_quantity: k.quantity,
          ...(k.barcode ? { identifier_code: { code: k.barcode, type: identifierType(k.barcode) } } : {}),
        })),
      },
    };
    for (const shop of shops) {
      const p = newProduct(s, shop!, seed, now, "POST /__sandbox/tiktok/global-products");
      p.global_product_id = g.id;
      s.products[p.id] = p;
      store.indexProduct(p);
      g.locals.push({ shop_id: shop!.id, region: shop!.region, product_id: p.id, sku_map: Object.fromEntries(g.content.skus.map((k, i) => [k.id, p.live.skus[i]!.id])) });
    }
    s.globalProducts[g.id] = g;
    store.indexGlobal(g);
    out.push({
      id: g.id, skus: g.content.skus.map((k) => ({ id: k.id, sellerSku: k.seller_sku })),
      localProducts: g.locals.map((l) => ({ shopId: l.shop_id, productId: l.product_id, skus: s.products[l.product_id]!.live.skus.map((k) => ({ id: k.id, sellerSku: k.seller_sku })) })),
    });
  }
  ctx.save();
  return json(201, { globalProducts: out });
}

export function globalView(store: Store, g: GlobalProduct): Obj {
  const { title, description, main_images, skus, ...extra } = g.content;
  return {
    id: g.id, title, description, main_images, ...extra,
    skus: skus.map((k) => ({ ...k, inventory: [] })), create_time: g.create_time, update_time: g.update_time, global_seller_id: g.seller_id, status: g.status,
    products: g.locals.map((l) => ({ region: l.region, id: l.product_id, sku_mappings: Object.entries(l.sku_map).map(([global_sku_id, local_sku_id]) => ({ global_sku_id, local_sku_id })) })),
  };
}

export function getGlobalControl(store: Store, id: string): SandboxResponse {
  const g = store.s.globalProducts[id];
  if (!g) return badRequest(`unknown global product ${id}`, 404);
  return json(200, { ...globalView(store, g), history: g.history });
}

function findGlobal(call: ApiCall): GlobalProduct | ApiResult {
  const g = call.store.s.globalProducts[call.params.global_product_id!];
  if (!g || g.status === "DELETED") return fail(12052032, "The product does not exist");
  if (g.seller_id !== call.seller.id) return fail(12052048, "You cannot edit the specified product(s) as it isn't listed in your account or shop.");
  return g;
}

function searchGlobal(call: ApiCall): ApiResult {
  const size = pageSize(call);
  if (size === null) return fail(12019109, "page size is invalid");
  const b = call.body;
  const status = typeof b.status === "string" ? b.status : undefined;
  const skus = Array.isArray(b.seller_skus) ? (b.seller_skus as unknown[]).filter((x): x is string => typeof x === "string") : undefined;
  if (skus && skus.length > 100) return fail(12019015, "The number of SKU exceed the limit");
  const [cge, cle, uge, ule] = [b.create_time_ge, b.create_time_le, b.update_time_ge, b.update_time_le].map((v) => (typeof v === "number" ? v : undefined));
  const s = call.store.s;
  const within = (t: number, ge: number | undefined, le: number | undefined) => t >= (ge ?? -Infinity) && t <= (le ?? Infinity);
  const matches = skus
    ? inCandidates([...new Set(skus.flatMap((k) => [...(call.store.globalSkuToProducts.get(`${call.seller.id}|${k}`) ?? [])]))]
        .map((id) => s.globalProducts[id]!)
        .filter((g) => (!status || g.status === status) && within(g.create_time, cge, cle) && within(g.update_time, uge, ule))
        .map((g) => ({ id: g.id, t: g.update_time })))
    : inIndexes([call.store.globalsBySeller.get(status ? `${call.seller.id}|${status}` : call.seller.id)], { v: { ge: uge, le: ule }, b: { ge: cge, le: cle } });
  const r = page({ matches, token: call.query.get("page_token"), size, cap: SEARCH_CAP });
  if ("error" in r) return r.error === "cap" ? fail(12052180, "The total number of search results can not exceed 10000.") : fail(12019108, "page number is invalid");
  return ok({
    next_page_token: r.next, total_count: r.total,
    global_products: r.ids.map((id) => s.globalProducts[id]!).map((g) => ({ id: g.id, title: g.content.title, status: g.status, skus: g.content.skus.map((k) => ({ id: k.id, seller_sku: k.seller_sku })), create_time: g.create_time, update_time: g.update_time })),
  });
}

/** PUT replaces the whole global product; partial edit replaces only the fields sent. Both push to every market. */
function editGlobal(call: ApiCall, whole: boolean): ApiResult {
  const g = findGlobal(call);
  if ("code" in g) return g;
  const b = call.body;
  if (whole) {
    for (const f of ["title", "description", "main_images", "skus"]) if (b[f] === undefined) return fail(12052910, `Invalid input parameters: ${f} is required; every input, including blanks, overwrites.`);
  }
  if ("title" in b && (typeof b.title !== "string" || !b.title)) return fail(12052910, "Invalid input parameters: title.");
  if ("skus" in b && (!Array.isArray(b.skus) || b.skus.length === 0)) return fail(12052902, "The SKU list is empty.");
  const s = call.store.s;
  const old = new Map(g.content.skus.map((k) => [k.id, k]));
  let skus = g.content.skus;
  if (Array.isArray(b.skus)) {
    skus = [];
    for (const raw of b.skus as unknown[]) {
      if (!isObj(raw)) return fail(12052910, "Invalid input parameters: skus.");
      const prev = typeof raw.id === "string" ? old.get(raw.id) : undefined;
      if (typeof raw.id === "string" && raw.id && !prev) return fail(12052557, "The SKU ID does not belong to the product.");
      // a whole edit overwrites everything, so every SKU carries its price (skus[].price is required there)
      const price = isObj(raw.price) && typeof raw.price.amount === "string" ? normalizeAmount(raw.price.amount, GLOBAL_CURRENCY) : prev && !whole ? prev.price.amount : null;
      if (!price) return fail(12019010, "product price is invalid");
      const sellerSku = typeof raw.seller_sku === "string" ? raw.seller_sku : prev?.seller_sku;
      if (!sellerSku) return fail(12052910, "Invalid input parameters: seller_sku.");
      const { id: _i, price: _p, seller_sku: _s, ...rest } = raw;
      // a partial edit keeps what an existing SKU does not send; a whole edit keeps only its id and stock
      const kept = whole ? {} : structuredClone(prev ?? {});
      skus.push({ sales_attributes: [], ...kept, global_quantity: prev?.global_quantity ?? 0, ...structuredClone(rest), id: prev?.id ?? nextId(s, "globalSku"), seller_sku: sellerSku, price: { amount: price, currency: GLOBAL_CURRENCY } } as GlobalSku);
    }
  }
  let mainImages: Record<string, unknown>[] | undefined;
  if ("main_images" in b) {
    const resolved = resolveMainImages(call, b.main_images, [g.content.main_images]);
    if (!Array.isArray(resolved)) return resolved;
    mainImages = resolved;
  }
  const base = whole ? { title: "", description: "", main_images: [], skus } : { ...g.content };
  const content = { ...base, ...structuredClone(b), skus, ...(mainImages ? { main_images: mainImages } : {}) } as GlobalProduct["content"];
  g.content = content;
  g.update_time = Math.max(sec(call.now), g.update_time);
  const endpoint = whole ? "PUT /product/202309/global_products/{global_product_id}" : `${call.req.method} /product/202509/global_products/{global_product_id}/partial_edit`;
  g.history.push({ at: new Date(call.now).toISOString(), endpoint, fields: Object.keys(b) });
  call.store.indexGlobal(g);
  const results = g.locals.map((l) => pushToLocal(call, g, l, endpoint, Object.keys(b)));
  call.ctx.save();
  return ok({
    global_skus: g.content.skus.map((k) => ({ id: k.id, seller_sku: k.seller_sku, sales_attributes: k.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })) })),
    publish_results: results,
  });
}

/** Translate the global product into one market's local product; it overwrites local edits, prices included. */
function pushToLocal(call: ApiCall, g: GlobalProduct, l: GlobalProduct["locals"][number], endpoint: string, fields: string[]): Obj {
  const s = call.store.s;
  const p = s.products[l.product_id];
  const shop = s.shops[l.shop_id];
  if (!p || !shop || p.status === "DELETED") return { region: l.region, status: "FAILED", fail_reasons: [{ message: "The local product no longer exists." }] };
  const oldLocal = new Map(p.live.skus.map((k) => [k.id, k]));
  const map: Record<string, string> = {};
  const skus: Sku[] = g.content.skus.map((gk) => {
    const localId = l.sku_map[gk.id];
    const prev = localId ? oldLocal.get(localId) : undefined;
    const regional = Array.isArray(gk.sale_prices) ? (gk.sale_prices as Obj[]).find((x) => x.region === l.region)?.amount : undefined;
    // the real platform converts with its exchange rate; the sandbox keeps the number and uses the local currency
    const amount = normalizeAmount(typeof regional === "string" ? regional : gk.price.amount, shop.currency) ?? gk.price.amount;
    const id = prev?.id ?? nextId(s, "sku");
    map[gk.id] = id;
    return {
      id, seller_sku: gk.seller_sku, price: { currency: shop.currency, sale_price: amount, tax_exclusive_price: amount },
      inventory: prev?.inventory ?? [{ warehouse_id: shop.warehouses[0]!.id, quantity: 0 }], sales_attributes: structuredClone(gk.sales_attributes),
      ...(gk.identifier_code ? { identifier_code: { ...gk.identifier_code } } : {}),
    };
  });
  const { skus: _g, ...rest } = g.content;
  p.live = { ...structuredClone(rest), skus } as typeof p.live;
  p.pending = null;
  l.sku_map = map;
  touchProduct(call.store, p, call.now, endpoint, fields, { global_product_id: g.id });
  emit(call.ctx, call.store, shop.id, "PRODUCT_INFORMATION_CHANGE", { product_id: p.id, change_source: "OPEN_API", changed_fields: ["title", "description", "main_images", "others"], update_time: p.update_time });
  return { region: l.region, status: "SUCCESS", fail_reasons: [] };
}

export const globalRoutes: Route[] = [
  { method: "POST", path: "/product/202312/global_products/search", handler: searchGlobal },
  {
    method: "GET", path: "/product/202309/global_products/{global_product_id}",
    handler: (call) => {
      const g = findGlobal(call);
      return "code" in g ? g : ok(globalView(call.store, g));
    },
  },
  { method: "PUT", path: "/product/202309/global_products/{global_product_id}", handler: (call) => editGlobal(call, true) },
  // the spec's method field and sample say PUT while its description says POST: accept both
  { method: "PUT", path: "/product/202509/global_products/{global_product_id}/partial_edit", handler: (call) => editGlobal(call, false) },
  { method: "POST", path: "/product/202509/global_products/{global_product_id}/partial_edit", handler: (call) => editGlobal(call, false) },
];
