import type { ApiCall, Route } from "./api";
import { fail, ok, type ApiResult } from "./envelope";
import { emit } from "./events";
import { nextId } from "./ids";
import { openPackage, packageView, setStatus, settleOrders, shipPackage } from "./order-model";
import { providersFor } from "./regions";
import { sec } from "./config";
import type { Order, Package } from "./state";

const SPLIT_MARKETS = new Set(["US", "GB", "ES", "IE", "IT", "DE", "FR", "JP"]); // Mark Package As Shipped is limited to these
const EDIT_WINDOW_MS = 72 * 3600 * 1000; // tracking may be corrected within 72 hours, once

function findOrder(call: ApiCall): Order | ApiResult {
  settleOrders(call.ctx, call.store);
  const o = call.store.s.orders[call.params.order_id!];
  if (!o || o.shop_id !== call.shop!.id) return fail(21008111, "The order or package does not belong to the current seller.");
  return o;
}

function findPackage(call: ApiCall): Package | ApiResult {
  settleOrders(call.ctx, call.store);
  const p = call.store.s.packages[call.params.package_id!];
  if (!p || p.shop_id !== call.shop!.id) return fail(21011028, "The package does not belong to the current shop.");
  return p;
}

function checkTracking(call: ApiCall, tracking: unknown, provider: unknown): ApiResult | null {
  if (typeof tracking !== "string" || !tracking || typeof provider !== "string" || !provider) return fail(21001001, "Invalid parameters. Please ensure you are passing the correct request parameter(s).");
  if (!/^[A-Za-z0-9-]{4,40}$/.test(tracking)) return fail(21004012, "Tracking number has special characters, verify failed.");
  if (!providersFor(call.shop!.region).some((p) => p.id === provider)) return fail(21011022, "Invalid tracking number or provider ID. Please double check and try again.");
  return null;
}

function canShip(o: Order): ApiResult | null {
  if (o.status === "AWAITING_SHIPMENT" || o.status === "PARTIALLY_SHIPPING") return null;
  if (o.status === "CANCELLED") return fail(21011042, "Cannot complete the operation when order is cancelled.");
  if (["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"].includes(o.status)) return fail(21011006, "These orders are already shipped.");
  return fail(21011003, `fulfill_unit action not allowed: the order is ${o.status}.`);
}

/** After shipping, the order moves to PARTIALLY_SHIPPING or, with everything shipped, AWAITING_COLLECTION. */
function afterShip(call: ApiCall, o: Order, split: Package | null): void {
  const s = call.store.s;
  const allShipped = o.line_items.every((li) => li.package_id && s.packages[li.package_id]!.status !== "PROCESSING");
  const target = allShipped ? "AWAITING_COLLECTION" : "PARTIALLY_SHIPPING";
  if (split) emit(call.ctx, call.store, o.shop_id, "PACKAGE_UPDATE", { sc_type: "SPLIT", role_type: "ROLE_SELLER", package_list: [{ package_id: split.id, order_id_list: [o.id] }], update_time: sec(call.now) });
  if (o.status !== target) setStatus(call.ctx, call.store, o, target);
  else {
    o.update_time = Math.max(sec(call.now), o.update_time);
    call.store.indexOrder(o);
  }
  call.ctx.save();
}

function markShipped(call: ApiCall): ApiResult {
  const o = findOrder(call);
  if ("code" in o) return o;
  if (!SPLIT_MARKETS.has(call.shop!.region)) return fail(21008106, "This interface cannot be used in this region.");
  const bad = canShip(o) ?? checkTracking(call, call.body.tracking_number, call.body.shipping_provider_id);
  if (bad) return bad;
  const s = call.store.s;
  const open = openPackage(call.store, o);
  const unshipped = open ? [...open.line_item_ids] : [];
  const raw = call.body.order_line_item_ids;
  let ids: string[];
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) ids = unshipped;
  else if (Array.isArray(raw) && raw.every((x) => typeof x === "string")) ids = [...new Set(raw as string[])];
  else return fail(21001001, "Invalid parameters: order_line_item_ids must be a list of line item ids.");
  for (const id of ids) {
    if (!o.line_items.some((li) => li.id === id)) return fail(21011029, `order does not belong to fulfill unit: line item ${id} is not in order ${o.id}.`);
    if (!unshipped.includes(id)) return fail(21008099, "Package has been shipped. Please not ship the package again.");
  }
  if (ids.length === 0 || !open) return fail(21011006, "These orders are already shipped.");
  let pkg = open;
  let split: Package | null = null;
  if (ids.length < unshipped.length) {
    // a split shipment: the chosen items leave the open package for a new one
    const t = sec(call.now);
    pkg = { id: nextId(s, "package"), shop_id: o.shop_id, order_id: o.id, line_item_ids: ids, status: "PROCESSING", tracking_number: null, shipping_provider_id: null, shipped_at: null, tracking_updates: 0, create_time: t, update_time: t };
    s.packages[pkg.id] = pkg;
    o.packages.push(pkg.id);
    open.line_item_ids = open.line_item_ids.filter((id) => !ids.includes(id));
    for (const li of o.line_items) if (ids.includes(li.id)) li.package_id = pkg.id;
    split = pkg;
  }
  shipPackage(call.store, pkg, call.body.tracking_number as string, call.body.shipping_provider_id as string, call.now);
  afterShip(call, o, split);
  return ok({ order_id: o.id, order_line_item_ids: ids, package_id: pkg.id });
}

function shipExisting(call: ApiCall): ApiResult {
  const pkg = findPackage(call);
  if ("code" in pkg) return pkg;
  const o = call.store.s.orders[pkg.order_id]!;
  if (o.status === "CANCELLED" || pkg.status === "CANCELLED") return fail(21011042, "Cannot complete the operation when order is cancelled.");
  if (pkg.status !== "PROCESSING") return fail(11006021, "Package has been shipped. Please not ship the package again.");
  const bad = canShip(o);
  if (bad) return bad;
  const self = call.body.self_shipment as { tracking_number?: unknown; shipping_provider_id?: unknown } | undefined;
  if (self) {
    const badTracking = checkTracking(call, self.tracking_number, self.shipping_provider_id);
    if (badTracking) return badTracking;
    shipPackage(call.store, pkg, self.tracking_number as string, self.shipping_provider_id as string, call.now);
  } else {
    // platform shipping: TikTok buys the label and assigns the tracking number
    shipPackage(call.store, pkg, `TT${pkg.id.slice(-12)}`, providersFor(call.shop!.region)[0]!.id, call.now);
  }
  afterShip(call, o, null);
  return ok({});
}

function checkEditable(call: ApiCall, pkg: Package): ApiResult | null {
  const o = call.store.s.orders[pkg.order_id]!;
  if (o.status === "CANCELLED") return fail(21011042, "Cannot complete the operation when order is cancelled.");
  if (pkg.status === "PROCESSING" || pkg.shipped_at === null) return fail(21011043, "The package has not been shipped yet.");
  if (pkg.status === "COMPLETED") return fail(21011030, "Package has already been delivered. If you would still like to update the tracking number, please contact the platform.");
  if (call.now - pkg.shipped_at > EDIT_WINDOW_MS) return fail(21011050, "The tracking number can only be updated within a certain number of hours.");
  if (pkg.tracking_updates >= 1) return fail(21011051, "The tracking number can only be updated once.");
  return checkTracking(call, call.body.tracking_number, call.body.shipping_provider_id);
}

function applyTrackingEdit(call: ApiCall, pkg: Package): void {
  pkg.tracking_number = call.body.tracking_number as string;
  pkg.shipping_provider_id = call.body.shipping_provider_id as string;
  pkg.tracking_updates++;
  pkg.update_time = sec(call.now);
  const o = call.store.s.orders[pkg.order_id]!;
  o.update_time = Math.max(sec(call.now), o.update_time);
  call.store.indexOrder(o);
  call.ctx.save();
}

export const fulfillmentRoutes: Route[] = [
  { method: "POST", path: "/fulfillment/202309/orders/{order_id}/packages", handler: markShipped },
  { method: "POST", path: "/fulfillment/202309/packages/{package_id}/ship", handler: shipExisting },
  {
    method: "POST", path: "/fulfillment/202309/packages/{package_id}/shipping_info/update",
    handler: (call) => {
      const pkg = findPackage(call);
      if ("code" in pkg) return pkg;
      const bad = checkEditable(call, pkg);
      if (bad) return bad;
      applyTrackingEdit(call, pkg);
      return ok({});
    },
  },
  {
    method: "POST", path: "/fulfillment/202309/orders/{order_id}/shipping_info/update",
    handler: (call) => {
      const o = findOrder(call);
      if ("code" in o) return o;
      const shipped = o.packages.map((id) => call.store.s.packages[id]!).filter((p) => p.shipped_at !== null);
      if (o.status === "CANCELLED") return fail(21011042, "Cannot complete the operation when order is cancelled.");
      if (shipped.length === 0) return fail(21011043, "The package has not been shipped yet.");
      if (shipped.length > 1) return fail(10007002, "You cannot update the shipping information at order level: the order has several packages; update each package.");
      const bad = checkEditable(call, shipped[0]!);
      if (bad) return bad;
      applyTrackingEdit(call, shipped[0]!);
      return ok({});
    },
  },
  {
    method: "GET", path: "/fulfillment/202309/packages/{package_id}",
    handler: (call) => {
      const pkg = findPackage(call);
      return "code" in pkg ? pkg : ok(packageView(call.store, pkg));
    },
  },
  {
    method: "GET", path: "/fulfillment/202309/orders/{order_id}/tracking",
    handler: (call) => {
      const o = findOrder(call);
      if ("code" in o) return o;
      const events = o.status_history.filter((h) => ["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED"].includes(h.status))
        .map((h) => ({ description: h.status === "DELIVERED" ? "Your package was delivered!" : h.status === "IN_TRANSIT" ? "Your package is on its way." : "The seller shipped your package.", update_time_millis: h.at * 1000 }));
      return ok({ tracking: events.reverse() });
    },
  },
];
