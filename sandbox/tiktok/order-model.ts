import type { SandboxContext } from "../core/platform";
import { cfg, sec } from "./config";
import { emit } from "./events";
import { nextId } from "./ids";
import { deliveryOptionId } from "./logistics";
import { providersFor } from "./regions";
import type { Store } from "./store";
import type { CancellationInitiator, Order, OrderStatus, Package } from "./state";

export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  UNPAID: ["ON_HOLD", "AWAITING_SHIPMENT", "CANCELLED"],
  ON_HOLD: ["AWAITING_SHIPMENT", "CANCELLED"],
  AWAITING_SHIPMENT: ["PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "CANCELLED"],
  PARTIALLY_SHIPPING: ["AWAITING_COLLECTION", "IN_TRANSIT", "CANCELLED"],
  AWAITING_COLLECTION: ["IN_TRANSIT", "CANCELLED"],
  IN_TRANSIT: ["DELIVERED"],
  DELIVERED: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
};
const SHIPPED: OrderStatus[] = ["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"];

/** The one package of not-yet-shipped items, created when the order becomes ready to ship. */
export function openPackage(store: Store, o: Order): Package | undefined {
  return o.packages.map((id) => store.s.packages[id]!).find((p) => p.status === "PROCESSING");
}

function ensureOpenPackage(store: Store, o: Order, nowMs: number): void {
  const unpacked = o.line_items.filter((li) => !li.package_id).map((li) => li.id);
  if (unpacked.length === 0) return;
  const t = sec(nowMs);
  const pkg: Package = {
    id: nextId(store.s, "package"), shop_id: o.shop_id, order_id: o.id, line_item_ids: unpacked, status: "PROCESSING", tracking_number: null,
    shipping_provider_id: null, shipped_at: null, tracking_updates: 0, create_time: t, update_time: t,
  };
  store.s.packages[pkg.id] = pkg;
  o.packages.push(pkg.id);
  for (const li of o.line_items) if (!li.package_id) li.package_id = pkg.id;
}

export function shipPackage(store: Store, pkg: Package, tracking: string, providerId: string, nowMs: number): void {
  pkg.status = "FULFILLING";
  pkg.tracking_number = tracking;
  pkg.shipping_provider_id = providerId;
  pkg.shipped_at = nowMs;
  pkg.update_time = sec(nowMs);
}

/** Move an order to a new status with the side effects the platform applies, and tell the apps. */
export function setStatus(ctx: SandboxContext, store: Store, o: Order, status: OrderStatus, reason?: string, initiator?: CancellationInitiator): void {
  const now = ctx.now();
  const s = store.s;
  o.status = status;
  o.update_time = Math.max(sec(now), o.update_time);
  o.status_history.push({ status, at: sec(now) });
  o.on_hold_until = status === "ON_HOLD" ? now + cfg(ctx).onHoldSeconds * 1000 : null;
  if (status === "ON_HOLD") o.was_on_hold = true;
  if (status !== "UNPAID" && status !== "CANCELLED" && o.paid_time === null) o.paid_time = sec(now);
  if (status === "AWAITING_SHIPMENT" || status === "PARTIALLY_SHIPPING") ensureOpenPackage(store, o, now);
  if (SHIPPED.includes(status)) {
    // moved on by the control API without shipping through the API: the platform's carrier picked it up
    ensureOpenPackage(store, o, now);
    const provider = providersFor(s.shops[o.shop_id]!.region)[0]!;
    for (const id of o.packages) {
      const pkg = s.packages[id]!;
      if (pkg.status === "PROCESSING") shipPackage(store, pkg, `SBX${pkg.id.slice(-10)}`, provider.id, now);
      if (status === "DELIVERED" || status === "COMPLETED") pkg.status = "COMPLETED";
    }
  }
  if (status === "CANCELLED") {
    o.cancel_reason = reason ?? "Cancelled";
    o.cancellation_initiator = initiator ?? "SELLER";
    for (const id of o.packages) s.packages[id]!.status = "CANCELLED";
  }
  store.indexOrder(o);
  emit(ctx, store, o.shop_id, "ORDER_STATUS_CHANGE", {
    // the webhook guide spells the cancelled status CANCEL
    order_id: o.id, order_status: status === "CANCELLED" ? "CANCEL" : status, is_on_hold_order: o.was_on_hold, update_time: o.update_time,
  });
  ctx.save();
}

/** ON_HOLD ends by itself after onHoldSeconds (sandbox clock). Run on a timer and before order reads. */
export function settleOrders(ctx: SandboxContext, store: Store): void {
  const now = ctx.now();
  for (const id of [...store.timedOrders]) {
    const o = store.s.orders[id];
    if (o && o.status === "ON_HOLD" && o.on_hold_until !== null && o.on_hold_until <= now) setStatus(ctx, store, o, "AWAITING_SHIPMENT");
    else if (!o || o.status !== "ON_HOLD") store.timedOrders.delete(id);
  }
}

export function packageView(store: Store, pkg: Package): Record<string, unknown> {
  const o = store.s.orders[pkg.order_id]!;
  const provider = pkg.shipping_provider_id ? providersFor(store.s.shops[pkg.shop_id]!.region).find((p) => p.id === pkg.shipping_provider_id) : undefined;
  const bySku = new Map<string, { id: string; name: string; quantity: number }>();
  for (const li of o.line_items.filter((x) => pkg.line_item_ids.includes(x.id))) {
    const cur = bySku.get(li.sku_id) ?? { id: li.sku_id, name: li.sku_name, quantity: 0 };
    cur.quantity++;
    bySku.set(li.sku_id, cur);
  }
  return {
    package_id: pkg.id, orders: [{ id: o.id, skus: [...bySku.values()] }], package_status: pkg.status, split_and_combine_tag: o.packages.length > 1 ? "SPLIT" : "",
    has_multi_skus: bySku.size > 1, shipping_provider_name: provider?.name ?? "", shipping_provider_id: pkg.shipping_provider_id ?? "", shipping_type: "SELLER",
    delivery_option_id: o.delivery_option_id, delivery_option_name: "Standard Shipping", tracking_number: pkg.tracking_number ?? "",
    create_time: pkg.create_time, update_time: pkg.update_time, handover_method: "DROP_OFF", order_line_item_ids: [...pkg.line_item_ids],
    recipient_address: o.recipient_address,
  };
}

export function orderView(store: Store, o: Order): Record<string, unknown> {
  const s = store.s;
  const shop = s.shops[o.shop_id]!;
  const providers = providersFor(shop.region);
  const pkgs = o.packages.map((id) => s.packages[id]!);
  const firstShipped = pkgs.find((p) => p.tracking_number);
  const providerName = (id: string | null) => (id ? providers.find((p) => p.id === id)?.name ?? "" : "");
  return {
    id: o.id, status: o.status, create_time: o.create_time, update_time: o.update_time, paid_time: o.paid_time ?? undefined,
    user_id: o.buyer.user_id, buyer_email: o.buyer.email, buyer_message: o.buyer.message, recipient_address: o.recipient_address,
    payment: o.payment, payment_method_name: "CCDC", is_cod: false, is_on_hold_order: o.was_on_hold, is_sample_order: o.is_sample_order,
    is_replacement_order: false, is_exchange_order: false, is_buyer_request_cancel: false, has_updated_recipient_address: false,
    fulfillment_type: "FULFILLMENT_BY_SELLER", shipping_type: "SELLER", delivery_type: "HOME_DELIVERY", commerce_platform: "TIKTOK_SHOP", order_type: "NORMAL",
    warehouse_id: o.warehouse_id, delivery_option_id: o.delivery_option_id, delivery_option_name: "Standard Shipping",
    packages: pkgs.map((p) => ({ id: p.id })), split_or_combine_tag: pkgs.length > 1 ? "SPLIT" : "",
    tracking_number: firstShipped?.tracking_number ?? "", shipping_provider_id: firstShipped?.shipping_provider_id ?? "",
    shipping_provider: providerName(firstShipped?.shipping_provider_id ?? null),
    ...(o.status === "CANCELLED" ? { cancel_reason: o.cancel_reason ?? "", cancellation_initiator: o.cancellation_initiator ?? "SELLER", cancel_time: o.update_time } : {}),
    rts_sla_time: o.create_time + 3 * 86400, tts_sla_time: o.create_time + 7 * 86400,
    line_items: o.line_items.map((li) => {
      const pkg = li.package_id ? s.packages[li.package_id] : undefined;
      return {
        ...li, package_id: li.package_id ?? "", display_status: o.status, package_status: pkg ? packageStatus(pkg.status) : "TO_FULFILL",
        tracking_number: pkg?.tracking_number ?? "", shipping_provider_id: pkg?.shipping_provider_id ?? "", shipping_provider_name: providerName(pkg?.shipping_provider_id ?? null),
        ...(o.status === "CANCELLED" ? { cancel_reason: o.cancel_reason ?? "", cancel_user: o.cancellation_initiator ?? "SELLER" } : {}),
      };
    }),
  };
}

function packageStatus(s: Package["status"]): string {
  return s === "PROCESSING" ? "TO_FULFILL" : s === "FULFILLING" ? "PROCESSING" : s === "COMPLETED" ? "FULFILLED" : "CANCELLED";
}

export function defaultDeliveryOption(warehouseId: string): string {
  return deliveryOptionId(warehouseId);
}
