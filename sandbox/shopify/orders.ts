// Orders, fulfillment orders and fulfillments: shared by GraphQL mutations and the control API.
import { iso } from "./ids";
import { availableAt, primaryLocation, setAvailable } from "./catalog";
import { creationTime, indexFulfillmentOrder, indexOrder } from "./shop-index";
import { nextId, type FulfillmentRec, type LineItemRec, type MoneyPair, type OrderRec, type ShopRec, type ShopifyState, type TrackingRec } from "./state";

export type InventoryBehaviour = "BYPASS" | "DECREMENT_IGNORING_POLICY" | "DECREMENT_OBEYING_POLICY";
export interface NewLineItem { variantId: number | null; title: string | null; sku: string | null; quantity: number; price: MoneyPair | null; requiresShipping?: boolean | null }
export interface NewOrder {
  lineItems: NewLineItem[]; currency?: string | null; presentmentCurrency?: string | null; sourceName?: string | null; sourceIdentifier?: string | null;
  tags?: string[] | null; note?: string | null; email?: string | null; phone?: string | null; financialStatus?: string | null; test?: boolean | null;
  taxesIncluded?: boolean | null; processedAt?: string | null; shippingAddress?: Record<string, unknown> | null; billingAddress?: Record<string, unknown> | null;
  customAttributes?: { key: string; value: string }[] | null; shipping?: { title: string; price: MoneyPair } | null; tax?: MoneyPair | null; name?: string | null;
  discount?: { code: string; amount: MoneyPair } | null;
}

export interface OrderError { field: string[]; message: string; code: string }

const add = (a: MoneyPair, b: MoneyPair): MoneyPair => ({ shop: round(a.shop + b.shop), presentment: round(a.presentment + b.presentment) });
const round = (n: number) => Math.round(n * 100) / 100;
const ZERO: MoneyPair = { shop: 0, presentment: 0 };

export function orderTotals(o: OrderRec): { subtotal: MoneyPair; total: MoneyPair } {
  const lines = o.lineItems.reduce<MoneyPair>((sum, li) => add(sum, { shop: li.price.shop * li.quantity, presentment: li.price.presentment * li.quantity }), ZERO);
  // As Shopify's subtotal: the line items after discounts, before shipping and tax.
  const discount = o.discount ?? ZERO;
  const subtotal = add(lines, { shop: -discount.shop, presentment: -discount.presentment });
  const total = add(add(subtotal, o.shipping), o.taxesIncluded ? ZERO : o.tax);
  return { subtotal, total };
}

export function createOrder(options: { st: ShopifyState; shop: ShopRec; input: NewOrder; behaviour: InventoryBehaviour; clientId: string | null; nowMs: number }): OrderRec | OrderError[] {
  const { st, shop, input, behaviour, nowMs } = options;
  const errors: OrderError[] = [];
  const location = primaryLocation(shop);
  const items: LineItemRec[] = [];
  input.lineItems.forEach((li, i) => {
    const v = li.variantId === null ? undefined : shop.variants[li.variantId];
    if (li.variantId !== null && !v) errors.push({ field: ["order", "lineItems", String(i), "variantId"], message: "Variant does not exist", code: "INVALID" });
    if (li.quantity < 1) errors.push({ field: ["order", "lineItems", String(i), "quantity"], message: "Quantity must be greater than or equal to 1", code: "INVALID" });
    if (!v && !li.title) errors.push({ field: ["order", "lineItems", String(i), "title"], message: "Title can't be blank for a custom line item", code: "INVALID" });
    if (v && behaviour === "DECREMENT_OBEYING_POLICY" && v.inventoryPolicy === "DENY" && availableAt(shop, v.inventoryItemId, location) < li.quantity) {
      errors.push({ field: ["order", "lineItems", String(i)], message: `Unable to reserve inventory for ${v.sku ?? v.title}: not enough stock`, code: "INVENTORY_CLAIM_FAILED" });
    }
    const product = v ? shop.products[v.productId] : undefined;
    const price = li.price ?? (v ? { shop: Number(v.price), presentment: Number(v.price) } : ZERO);
    items.push({
      id: 0, variantId: v?.id ?? null, productId: v?.productId ?? null, title: li.title ?? product?.title ?? "", variantTitle: v && v.title !== "Default Title" ? v.title : null,
      sku: li.sku ?? v?.sku ?? null, quantity: li.quantity, price, fulfilledQuantity: 0,
      // The input's requiresShipping defaults to false in the schema; a variant's line item takes it from
      // the variant's inventory item instead (every sandbox inventory item requires shipping).
      requiresShipping: v ? true : (li.requiresShipping ?? false),
    });
  });
  if (input.lineItems.length === 0) errors.push({ field: ["order", "lineItems"], message: "Line items must have at least one line item", code: "INVALID" });
  if (errors.length) return errors;
  for (const li of items) li.id = nextId(st);
  const at = iso(creationTime(shop, nowMs));
  const number = shop.nextOrderNumber++;
  const order: OrderRec = {
    id: nextId(st), number, name: input.name ?? `#${number}`, createdAt: at, updatedAt: at, processedAt: input.processedAt ?? at,
    cancelledAt: null, cancelReason: null, closedAt: null, sourceName: input.sourceName ?? null, sourceIdentifier: input.sourceIdentifier ?? null,
    tags: input.tags ?? [], note: input.note ?? null, email: input.email ?? null, phone: input.phone ?? null,
    currency: input.currency ?? shop.currency, presentmentCurrency: input.presentmentCurrency ?? input.currency ?? shop.currency,
    financialStatus: input.financialStatus ?? "PAID", test: input.test ?? false, taxesIncluded: input.taxesIncluded ?? false,
    shippingAddress: input.shippingAddress ?? null, billingAddress: input.billingAddress ?? null, customAttributes: input.customAttributes ?? [],
    lineItems: items, shipping: input.shipping?.price ?? ZERO, shippingTitle: input.shipping?.title ?? null, tax: input.tax ?? ZERO,
    discount: input.discount?.amount ?? ZERO, discountCode: input.discount?.code ?? null,
    inventoryDecremented: behaviour !== "BYPASS", locationId: location, fulfillmentOrderIds: [], fulfillmentIds: [], appClientId: options.clientId,
  };
  if (order.inventoryDecremented) {
    for (const li of items) {
      const v = li.variantId === null ? undefined : shop.variants[li.variantId];
      if (v) setAvailable(shop, v.inventoryItemId, location, availableAt(shop, v.inventoryItemId, location) - li.quantity);
    }
  }
  const shippable = items.filter((li) => li.requiresShipping);
  if (shippable.length) {
    const fo = { id: nextId(st), orderId: order.id, locationId: location, status: "OPEN" as const, createdAt: at, updatedAt: at,
      lineItems: shippable.map((li) => ({ id: nextId(st), lineItemId: li.id, totalQuantity: li.quantity, remainingQuantity: li.quantity })) };
    shop.fulfillmentOrders[fo.id] = fo;
    order.fulfillmentOrderIds.push(fo.id);
    indexFulfillmentOrder(shop, fo);
  }
  shop.orders[order.id] = order;
  indexOrder(shop, order);
  return order;
}

export interface FulfillRequest { fulfillmentOrderId: number; lineItems?: { id: number; quantity: number }[] }

/** Fulfills the requested fulfillment order line items (all remaining when none are listed). */
export function fulfill(options: { st: ShopifyState; shop: ShopRec; requests: FulfillRequest[]; tracking: TrackingRec[]; nowMs: number }): FulfillmentRec | string {
  const { st, shop, requests, nowMs } = options;
  if (requests.length === 0) return "Line items by fulfillment order must not be empty.";
  const plan: { fo: (typeof shop.fulfillmentOrders)[string]; line: { id: number; lineItemId: number; remainingQuantity: number }; quantity: number }[] = [];
  let orderId: number | null = null;
  for (const r of requests) {
    const fo = shop.fulfillmentOrders[r.fulfillmentOrderId];
    if (!fo) return "Fulfillment order does not exist.";
    if (orderId !== null && fo.orderId !== orderId) return "All fulfillment orders must belong to the same order.";
    orderId = fo.orderId;
    // Shopify's wording for any status but open and in progress (on_hold included: release the hold first).
    if (fo.status === "CLOSED" || fo.status === "CANCELLED" || fo.status === "ON_HOLD") return `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`;
    const wanted = r.lineItems?.length ? r.lineItems : fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const w of wanted) {
      const line = fo.lineItems.find((l) => l.id === w.id);
      if (!line) return "Invalid fulfillment order line item id.";
      if (w.quantity < 1 || w.quantity > line.remainingQuantity) return "Invalid fulfillment order line item quantity requested.";
      plan.push({ fo, line, quantity: w.quantity });
    }
  }
  const order = shop.orders[orderId!]!;
  if (order.cancelledAt) return "Cannot fulfill a cancelled order.";
  const at = iso(nowMs);
  for (const p of plan) {
    p.line.remainingQuantity -= p.quantity;
    order.lineItems.find((li) => li.id === p.line.lineItemId)!.fulfilledQuantity += p.quantity;
    p.fo.status = p.fo.lineItems.every((l) => l.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
    p.fo.updatedAt = at;
    indexFulfillmentOrder(shop, p.fo);
  }
  const f: FulfillmentRec = {
    id: nextId(st), orderId: order.id, name: `${order.name}-F${order.fulfillmentIds.length + 1}`, status: "SUCCESS", createdAt: at, updatedAt: at,
    locationId: plan[0]!.fo.locationId, tracking: options.tracking, fulfillmentOrderIds: [...new Set(plan.map((p) => p.fo.id))],
    lineItems: plan.map((p) => ({ id: nextId(st), lineItemId: p.line.lineItemId, quantity: p.quantity })),
  };
  shop.fulfillments[f.id] = f;
  order.fulfillmentIds.push(f.id);
  order.updatedAt = at;
  indexOrder(shop, order);
  return f;
}

export function updateTracking(shop: ShopRec, f: FulfillmentRec, tracking: TrackingRec[], nowMs: number): void {
  f.tracking = tracking;
  f.updatedAt = iso(nowMs);
  const order = shop.orders[f.orderId]!;
  order.updatedAt = f.updatedAt;
  indexOrder(shop, order);
}

export function cancelOrder(options: { shop: ShopRec; order: OrderRec; reason: string; restock: boolean; nowMs: number }): string | null {
  const { shop, order, nowMs } = options;
  if (order.cancelledAt) return "Order has already been cancelled.";
  if (order.lineItems.some((li) => li.fulfilledQuantity > 0)) return "Cannot cancel an order with fulfillments; cancel the fulfillments first.";
  const at = iso(nowMs);
  order.cancelledAt = at;
  order.cancelReason = options.reason;
  order.closedAt = at;
  order.updatedAt = at;
  for (const id of order.fulfillmentOrderIds) {
    const fo = shop.fulfillmentOrders[id]!;
    // A held fulfillment order closes with its order; its holds go with it.
    fo.status = "CLOSED";
    fo.holds = [];
    delete fo.heldFrom;
    fo.updatedAt = at;
    indexFulfillmentOrder(shop, fo);
  }
  indexOrder(shop, order);
  if (options.restock && order.inventoryDecremented) {
    for (const li of order.lineItems) {
      const v = li.variantId === null ? undefined : shop.variants[li.variantId];
      if (v) setAvailable(shop, v.inventoryItemId, order.locationId, availableAt(shop, v.inventoryItemId, order.locationId) + li.quantity - li.fulfilledQuantity);
    }
  }
  return null;
}

export function displayFulfillmentStatus(o: OrderRec): string {
  const total = o.lineItems.reduce((n, li) => n + li.quantity, 0);
  const done = o.lineItems.reduce((n, li) => n + li.fulfilledQuantity, 0);
  return done === 0 ? "UNFULFILLED" : done >= total ? "FULFILLED" : "PARTIALLY_FULFILLED";
}
