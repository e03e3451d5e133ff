import type { ApiCall, Route } from "./api";
import { cfg } from "./config";
import { fail, ok, type ApiResult } from "./envelope";
import { nextId } from "./ids";
import { cloneContent, salesAttributes } from "./product-model";
import { currentImages, resolveMainImages } from "./product-images";
import { findProduct } from "./product-search";
import { normalizeAmount } from "./regions";
import { touchProduct } from "./review";
import type { Product, Shop, Sku } from "./state";

const PARTIAL_EDIT = "POST /product/202509/products/{product_id}/partial_edit";
const IMMEDIATE = new Set(["price", "inventory", "list_price", "external_list_prices"]); // not reviewed

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

function editable(p: Product): ApiResult | null {
  if (p.status === "FREEZE" || p.status === "DELETED") return fail(12052901, "The product in its current status is not available for this operation. Change the product status and try again.");
  return null;
}

function parsePrice(raw: unknown, shop: Shop): { sale_price: string } | ApiResult {
  if (!isObj(raw)) return fail(12052571, "Missing price for SKU(s)");
  if (raw.currency !== undefined && raw.currency !== shop.currency) return fail(12052084, "The provided currency is not available for this shop/region.");
  const amount = typeof raw.sale_price === "string" && raw.amount === undefined ? raw.sale_price : raw.amount;
  const norm = typeof amount === "string" ? normalizeAmount(amount, shop.currency) : null;
  if (!norm || Number(norm) <= 0) return fail(12052073, "The product price is invalid");
  return { sale_price: norm };
}

function parseInventory(raw: unknown, shop: Shop): Sku["inventory"] | ApiResult {
  if (!Array.isArray(raw)) return fail(12019022, "SKU must contain a valid warehouse.");
  const out: Sku["inventory"] = [];
  for (const i of raw) {
    if (!isObj(i) || typeof i.warehouse_id !== "string") return fail(12019022, "SKU must contain a valid warehouse.");
    if (!shop.warehouses.some((w) => w.id === i.warehouse_id)) return fail(12052530, `The warehouse '${i.warehouse_id}' does not belong to this shop/seller.`);
    if (typeof i.quantity !== "number" || !Number.isInteger(i.quantity) || i.quantity < 0 || i.quantity > 99_999) return fail(12052055, "The SKU inventory quantity for the warehouse must be within allowed limits.");
    out.push({ warehouse_id: i.warehouse_id, quantity: i.quantity });
  }
  return out;
}

/** Partial Edit: each top-level field sent replaces that whole field; price/stock apply now, the rest is reviewed. */
function partialEdit(call: ApiCall): ApiResult {
  const shop = call.shop!;
  const p = findProduct(call, call.params.product_id!);
  if ("code" in p) return p;
  const bad = editable(p);
  if (bad) return bad;
  const b = call.body;
  const fields = Object.keys(b).filter((k) => k !== "save_mode");
  if (fields.length === 0) return fail(12052910, "Invalid input parameters. Send at least one product field.");
  if ("title" in b && (typeof b.title !== "string" || !b.title.trim())) return fail(12052261, "product name is empty");
  if (typeof b.title === "string" && b.title.length > 255) return fail(12052051, "The product name exceed max limit characters");
  if ("description" in b && typeof b.description !== "string") return fail(12052015, "The product description is required");
  let mainImages: Record<string, unknown>[] | undefined;
  if ("main_images" in b) {
    const resolved = resolveMainImages(call, b.main_images, currentImages(p));
    if (!Array.isArray(resolved)) return resolved;
    mainImages = resolved;
  }
  const base = cloneContent(p.pending?.content ?? p.live);
  const next = cloneContent(base);
  const contentFields: string[] = [];
  for (const f of fields) {
    if (f === "skus") continue;
    next[f] = f === "main_images" ? mainImages : structuredClone(b[f]);
    if (JSON.stringify(base[f]) !== JSON.stringify(next[f])) contentFields.push(f);
  }
  const immediate = new Map<string, Partial<Sku>>();
  if ("skus" in b) {
    if (!Array.isArray(b.skus) || b.skus.length === 0) return fail(12052902, "The SKU list is empty. Either omit the list entirely, or provide all required details.");
    const known = new Map(base.skus.map((k) => [k.id, k]));
    const skus: Sku[] = [];
    let skuContentChanged = b.skus.length !== base.skus.length;
    for (const raw of b.skus as unknown[]) {
      if (!isObj(raw)) return fail(12052910, "Invalid input parameters: skus.");
      const old = typeof raw.id === "string" && raw.id ? known.get(raw.id) : undefined;
      if (typeof raw.id === "string" && raw.id && !old) return fail(12052557, "The SKU ID does not belong to the product.");
      const sellerSku = raw.seller_sku ?? old?.seller_sku;
      if (typeof sellerSku !== "string" || !sellerSku || sellerSku.length > 50 || /\s/.test(sellerSku)) return fail(12019059, "seller sku is invalid");
      const price = raw.price !== undefined ? parsePrice(raw.price, shop) : old ? { sale_price: old.price.sale_price } : parsePrice(undefined, shop);
      if ("code" in price) return price;
      const inventory = raw.inventory !== undefined ? parseInventory(raw.inventory, shop) : old?.inventory ?? parseInventory([{ warehouse_id: shop.warehouses[0]!.id, quantity: 0 }], shop);
      if ("code" in inventory) return inventory;
      if (old?.identifier_code && raw.identifier_code !== undefined && JSON.stringify(raw.identifier_code) !== JSON.stringify(old.identifier_code) && p.status !== "DRAFT") {
        return fail(12052593, "The identifier code cannot be changed once be submitted");
      }
      const { id: _id, price: _p, inventory: _i, sales_attributes: rawAttrs, ...rest } = raw;
      const sku: Sku = {
        ...(old ? structuredClone(old) : {}), ...structuredClone(rest), id: old?.id ?? nextId(call.store.s, "sku"), seller_sku: sellerSku,
        price: { currency: shop.currency, sale_price: price.sale_price, tax_exclusive_price: price.sale_price }, inventory,
        sales_attributes: Array.isArray(rawAttrs) ? normalizeAttrs(rawAttrs) : old?.sales_attributes ?? [],
      };
      if (!old) skuContentChanged = true;
      else {
        const contentOf = (k: Sku) => JSON.stringify(Object.entries(k).filter(([key]) => !IMMEDIATE.has(key)).sort());
        if (contentOf(old) !== contentOf(sku)) skuContentChanged = true;
        immediate.set(old.id, { price: sku.price, inventory: sku.inventory });
      }
      skus.push(sku);
    }
    if (skus.length > 300) return fail(12052558, "Number of product skus exceed limit.");
    next.skus = skus;
    if (skuContentChanged) contentFields.push("skus");
  }

  for (const k of p.live.skus) {
    const upd = immediate.get(k.id);
    if (upd) Object.assign(k, upd);
  }
  if (p.pending) for (const k of p.pending.content.skus) Object.assign(k, immediate.get(k.id) ?? {});
  const review = contentFields.length > 0;
  if (review) {
    const changed = [...new Set([...(p.pending?.changed_fields ?? []), ...contentFields])];
    p.pending = { content: next, ready_at: call.now + cfg(call.ctx).reviewSeconds * 1000, changed_fields: changed };
    p.audit_status = "AUDITING";
    if (p.status === "DRAFT" || p.status === "FAILED") p.status = "PENDING";
  }
  touchProduct(call.store, p, call.now, PARTIAL_EDIT, fields, { review });
  call.ctx.save();
  const skusOut = (p.pending?.content ?? p.live).skus.map((k) => ({ id: k.id, seller_sku: k.seller_sku, sales_attributes: k.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })) }));
  return ok({ product_id: p.id, skus: skusOut, audit: { status: p.audit_status } });
}

function normalizeAttrs(raw: unknown[]): Record<string, unknown>[] {
  return raw.map((a) => {
    const o = isObj(a) ? a : {};
    if (typeof o.name === "string" && typeof o.value_name === "string" && (!o.id || !o.value_id)) {
      return { ...salesAttributes([{ name: o.name, value: o.value_name }])[0], ...o };
    }
    return { ...o };
  });
}

function updatePrice(call: ApiCall): ApiResult {
  const shop = call.shop!;
  const p = findProduct(call, call.params.product_id!);
  if ("code" in p) return p;
  const bad = editable(p);
  if (bad) return bad;
  const list = call.body.skus;
  if (!Array.isArray(list) || list.length === 0) return fail(12052902, "The SKU list is empty. Either omit the list entirely, or provide all required details.");
  if (p.price_locked) return fail(12052038, "Product price locked due to ongoing promotion. ");
  const seen = new Set<string>();
  const updates: [Sku, string, { amount: string; currency: string } | undefined][] = [];
  for (const raw of list as unknown[]) {
    if (!isObj(raw) || typeof raw.id !== "string") return fail(12052910, "Invalid input parameters: skus[].id is required.");
    if (seen.has(raw.id)) return fail(12052553, "Sku id duplicate");
    seen.add(raw.id);
    const sku = p.live.skus.find((k) => k.id === raw.id);
    if (!sku) return fail(12052557, "The SKU ID does not belong to the product.");
    const price = parsePrice(raw.price, shop);
    if ("code" in price) return price;
    // list_price: US only, in USD, at least the price (the spec: otherwise it is discarded)
    let list: { amount: string; currency: string } | undefined;
    if (raw.list_price !== undefined) {
      const lp = isObj(raw.list_price) ? raw.list_price : {};
      const amount = typeof lp.amount === "string" ? normalizeAmount(lp.amount, "USD") : null;
      if (!amount || lp.currency !== "USD" || shop.region !== "US") return fail(12052073, "The product price is invalid");
      if (Number(amount) >= Number(price.sale_price)) list = { amount, currency: "USD" };
    }
    updates.push([sku, price.sale_price, list]);
  }
  for (const [sku, amount, list] of updates) {
    sku.price = { currency: shop.currency, sale_price: amount, tax_exclusive_price: amount };
    if (list) sku.list_price = list;
    const pendingSku = p.pending?.content.skus.find((k) => k.id === sku.id);
    if (pendingSku) {
      pendingSku.price = { ...sku.price };
      if (list) pendingSku.list_price = { ...list };
    }
  }
  touchProduct(call.store, p, call.now, "POST /product/202309/products/{product_id}/prices/update", ["skus.price"], updates.map(([k, a, l]) => ({ sku_id: k.id, price: a, ...(l ? { list_price: l.amount } : {}) })));
  call.ctx.save();
  return ok({});
}

/** Inventory is not reviewed; failures are reported per SKU in data.errors[] while the others apply. */
function updateInventory(call: ApiCall): ApiResult {
  const shop = call.shop!;
  const p = findProduct(call, call.params.product_id!);
  if ("code" in p) return p;
  const bad = editable(p);
  if (bad) return bad;
  const list = call.body.skus;
  if (!Array.isArray(list) || list.length === 0) return fail(12052902, "The SKU list is empty. Either omit the list entirely, or provide all required details.");
  const errors: Obj[] = [];
  const applied: Obj[] = [];
  const seen = new Set<string>();
  for (const raw of list as unknown[]) {
    if (!isObj(raw) || typeof raw.id !== "string") return fail(12052036, "The SKU ID is necessary");
    if (seen.has(raw.id)) return fail(12052553, "Sku id duplicate");
    seen.add(raw.id);
    const sku = p.live.skus.find((k) => k.id === raw.id);
    const skuError = (code: number, message: string, extra: Obj[] = []) =>
      errors.push({ code: 12052990, message: "Check failed", detail: { sku_id: raw.id, extra_errors: extra.length ? extra : [{ code, message }] } });
    if (!sku) {
      skuError(12052556, "The SKU id not exist.");
      continue;
    }
    if (!Array.isArray(raw.inventory) || raw.inventory.length === 0) {
      skuError(12019022, "SKU must contain a valid warehouse.");
      continue;
    }
    const extra: Obj[] = [];
    const inv: Sku["inventory"] = [];
    let unnamed = false;
    for (const i of raw.inventory as unknown[]) {
      const w = isObj(i) ? i : {};
      // "warehouse_id: Optional if there is only 1 warehouse. Otherwise, please provide this ID." (Update Inventory)
      const only = shop.warehouses.length === 1 ? shop.warehouses[0]!.id : undefined;
      if (w.warehouse_id === undefined && !only) {
        unnamed = true;
        continue;
      }
      const warehouseId = w.warehouse_id === undefined ? only! : w.warehouse_id;
      if (typeof warehouseId !== "string" || !shop.warehouses.some((x) => x.id === warehouseId)) {
        extra.push({ warehouse_id: String(warehouseId ?? ""), code: 12052097, message: "The warehouse does not exist" });
      } else if (inv.some((x) => x.warehouse_id === warehouseId)) {
        extra.push({ warehouse_id: warehouseId, code: 12052037, message: "Couldn't update inventory: the warehouse is listed twice." });
      } else if (typeof w.quantity !== "number" || !Number.isInteger(w.quantity) || w.quantity < 0 || w.quantity > 99_999) {
        extra.push({ warehouse_id: warehouseId, code: 12052055, message: "The SKU inventory quantity for the warehouse must be within allowed limits." });
      } else inv.push({ warehouse_id: warehouseId, quantity: w.quantity });
    }
    if (unnamed) {
      skuError(12019028, "Multiple warehouses detected. Include all warehouse IDs and the corresponding details and try again.");
      continue;
    }
    if (extra.length) {
      skuError(0, "", extra);
      continue;
    }
    // multi-warehouse sellers must send every warehouse the SKU is stocked in
    const missing = sku.inventory.filter((have) => !inv.some((x) => x.warehouse_id === have.warehouse_id));
    if (shop.warehouses.length > 1 && missing.length > 0) {
      skuError(12019028, "Multiple warehouses detected. Include all warehouse IDs and the corresponding quantities.");
      continue;
    }
    sku.inventory = inv;
    const pendingSku = p.pending?.content.skus.find((k) => k.id === sku.id);
    if (pendingSku) pendingSku.inventory = inv.map((x) => ({ ...x }));
    applied.push({ sku_id: sku.id, inventory: inv });
  }
  if (applied.length) {
    touchProduct(call.store, p, call.now, "POST /product/202309/products/{product_id}/inventory/update", ["skus.inventory"], applied);
    call.ctx.save();
  }
  return ok(errors.length ? { errors } : {});
}

export const productWriteRoutes: Route[] = [
  { method: "POST", path: "/product/202509/products/{product_id}/partial_edit", handler: partialEdit },
  { method: "POST", path: "/product/202309/products/{product_id}/prices/update", handler: updatePrice },
  { method: "POST", path: "/product/202309/products/{product_id}/inventory/update", handler: updateInventory },
];
