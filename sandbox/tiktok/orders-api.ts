import type { ApiCall, Route } from "./api";
import { fail, ok, type ApiResult } from "./envelope";
import { orderView, settleOrders, TRANSITIONS } from "./order-model";
import { inCandidates, inIndexes, page, type Matches } from "./pager";
import { pageSize } from "./product-search";
import type { Order } from "./state";
import { orderIndexKey } from "./store";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

function searchOrders(call: ApiCall): ApiResult {
  settleOrders(call.ctx, call.store);
  const shop = call.shop!;
  const size = pageSize(call, 100, 20);
  if (size === null) return fail(36009004, "Invalid page_size. Valid range: [1-100].");
  const field = call.query.get("sort_field") ?? "create_time";
  const order = (call.query.get("sort_order") ?? "DESC").toUpperCase();
  if (field !== "create_time" && field !== "update_time") return fail(36009004, "Invalid sort_field. Possible values: create_time, update_time.");
  if (order !== "ASC" && order !== "DESC") return fail(36009004, "Invalid sort_order. Possible values: ASC, DESC.");
  const b = call.body;
  const status = b.order_status;
  if (status !== undefined && (typeof status !== "string" || !(status in TRANSITIONS))) return fail(36009004, "Invalid order_status.");
  const num = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);
  const [cge, clt, uge, ult] = [b.create_time_ge, b.create_time_lt, b.update_time_ge, b.update_time_lt].map(num);
  // windows are [ge, lt) in whole seconds; the indexes take inclusive bounds
  const windows = { create_time: { ge: cge, le: clt === undefined ? undefined : clt - 1 }, update_time: { ge: uge, le: ult === undefined ? undefined : ult - 1 } };
  const other = field === "create_time" ? "update_time" : "create_time";
  const s = call.store.s;
  const buyer = typeof b.buyer_user_id === "string" ? b.buyer_user_id : undefined;
  const warehouses = Array.isArray(b.warehouse_ids) ? [...new Set((b.warehouse_ids as unknown[]).filter((w): w is string => typeof w === "string"))] : undefined;
  let matches: Matches;
  if (buyer) {
    // one buyer's orders in a shop are few: read them all and keep those that match
    const within = (t: number, w: { ge?: number; le?: number }) => t >= (w.ge ?? -Infinity) && t <= (w.le ?? Infinity);
    const mine = [...(call.store.ordersByBuyer.get(`${shop.id}|${buyer}`) ?? [])].map((id) => s.orders[id]!)
      .filter((o) => (!status || o.status === status) && (!warehouses || warehouses.includes(o.warehouse_id)) && within(o.create_time, windows.create_time) && within(o.update_time, windows.update_time));
    matches = inCandidates(mine.map((o) => ({ id: o.id, t: o[field] })));
  } else {
    const keys = (warehouses ?? [undefined]).map((warehouse) => orderIndexKey({ shop: shop.id, status: status as string | undefined, warehouse, field }));
    matches = inIndexes(keys.map((k) => call.store.ordersByShop.get(k)), { v: windows[field], b: windows[other] });
  }
  const r = page({ matches, token: call.query.get("page_token"), size, asc: order === "ASC" });
  if ("error" in r) return fail(36009004, "Invalid page_token.");
  return ok({ next_page_token: r.next, total_count: r.total, orders: r.ids.map((id) => orderView(call.store, s.orders[id]!)) });
}

function orderDetail(call: ApiCall): ApiResult {
  settleOrders(call.ctx, call.store);
  const raw = call.query.get("ids");
  const ids = (raw ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  if (ids.length === 0) return fail(36009004, "Invalid ids: at least one order id is required.");
  if (ids.length > 50) return fail(36009004, "Invalid ids: at most 50 order ids.");
  const found = ids.map((id) => call.store.s.orders[id]).filter((o): o is Order => !!o && o.shop_id === call.shop!.id);
  return ok({ orders: found.map((o) => orderView(call.store, o)) });
}

function addExternal(call: ApiCall): ApiResult {
  const list = call.body.orders;
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) return fail(36009004, "Invalid orders: 1 to 100 orders are required.");
  const errors: Obj[] = [];
  for (const raw of list as unknown[]) {
    const item = isObj(raw) ? raw : {};
    const ext = isObj(item.external_order) ? item.external_order : {};
    const detail = { order_id: String(item.id ?? ""), external_order: { id: String(ext.id ?? ""), platform: String(ext.platform ?? "") } };
    const o = typeof item.id === "string" ? call.store.s.orders[item.id] : undefined;
    if (!o || o.shop_id !== call.shop!.id) {
      errors.push({ code: "36020001", message: "Invalid order_id", detail });
      continue;
    }
    if (typeof ext.id !== "string" || !ext.id || typeof ext.platform !== "string" || !/^[A-Z_]+$/.test(ext.platform)) {
      errors.push({ code: "36020002", message: "Invalid external_order: id and platform (e.g. SHOPIFY) are required", detail });
      continue;
    }
    const lines = Array.isArray(ext.line_items) ? (ext.line_items as unknown[]).filter(isObj) : [];
    // As the spec documents: `id` is the line item in the external system, `origin_id` the TikTok line item.
    const badLine = lines.find((l) => !o.line_items.some((li) => li.id === l.origin_id) || typeof l.id !== "string" || !l.id);
    if (badLine) {
      errors.push({ code: "36020003", message: `Invalid line item ${String(badLine.origin_id)}: origin_id must be a line item of the order, with the external line item's id`, detail });
      continue;
    }
    const ref = { id: ext.id, platform: ext.platform, line_items: lines.map((l) => ({ id: String(l.id), origin_id: String(l.origin_id) })) };
    const at = o.external_orders.findIndex((x) => x.platform === ref.platform);
    // one reference per platform: setting it again replaces it
    if (at >= 0) o.external_orders[at] = ref;
    else o.external_orders.push(ref);
    call.store.indexOrder(o);
  }
  call.ctx.save();
  return ok(errors.length ? { errors } : {});
}

function getExternal(call: ApiCall): ApiResult {
  const o = call.store.s.orders[call.params.order_id!];
  if (!o || o.shop_id !== call.shop!.id) return fail(21008111, "The order or package does not belong to the current seller.");
  const platform = call.query.get("platform");
  if (!platform) return fail(36009004, "Invalid platform: the platform query parameter is required.");
  return ok({ external_orders: o.external_orders.filter((x) => x.platform === platform) });
}

function searchExternal(call: ApiCall): ApiResult {
  const platform = call.query.get("platform");
  const extId = call.query.get("external_order_id");
  if (!platform || !extId) return fail(36009004, "Invalid parameters: platform and external_order_id are required.");
  const ids = call.store.externalRefs.get(`${call.shop!.id}|${platform}|${extId}`) ?? new Set<string>();
  const orders = [...ids].map((id) => call.store.s.orders[id]!).flatMap((o) => o.external_orders.filter((x) => x.platform === platform && x.id === extId).map((x) => ({ id: o.id, external_order: x })));
  return ok({ orders });
}

export const orderRoutes: Route[] = [
  { method: "POST", path: "/order/202309/orders/search", handler: searchOrders },
  { method: "GET", path: "/order/202507/orders", handler: orderDetail },
  { method: "POST", path: "/order/202406/orders/external_orders", handler: addExternal },
  { method: "GET", path: "/order/202406/orders/{order_id}/external_orders", handler: getExternal },
  { method: "POST", path: "/order/202406/orders/external_order_search", handler: searchExternal },
];

