// Resolver views for orders, line items, fulfillment orders and fulfillments.
import { paginateRecords, type PageArgs } from "./connection";
import { decimal, gid, money } from "./ids";
import type { GqlContext, View } from "./gql-context";
import { displayFulfillmentStatus, orderTotals } from "./orders";
import type { FulfillmentHoldRec, FulfillmentOrderRec, FulfillmentRec, LineItemRec, MoneyPair, OrderRec, ShopRec } from "./state";
import { locationView, productView, variantView } from "./views-catalog";

export function moneyBag(m: MoneyPair, o: { currency: string; presentmentCurrency: string }) {
  return {
    shopMoney: { amount: decimal(m.shop), currencyCode: o.currency },
    presentmentMoney: { amount: decimal(m.presentment), currencyCode: o.presentmentCurrency },
  };
}

const ZERO = { shop: 0, presentment: 0 };

function lineItemView(shop: ShopRec, o: OrderRec, li: LineItemRec): View {
  const v = li.variantId === null ? undefined : shop.variants[li.variantId];
  const remaining = o.cancelledAt ? 0 : li.quantity - li.fulfilledQuantity;
  return {
    __typename: "LineItem", id: gid("LineItem", li.id), title: li.title, name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
    variantTitle: li.variantTitle, sku: li.sku, quantity: li.quantity, currentQuantity: o.cancelledAt ? 0 : li.quantity, unfulfilledQuantity: remaining,
    fulfillableQuantity: remaining, refundableQuantity: li.quantity, requiresShipping: li.requiresShipping, vendor: null, taxable: true,
    originalUnitPriceSet: moneyBag(li.price, o), discountedUnitPriceSet: moneyBag(li.price, o),
    originalTotalSet: moneyBag({ shop: li.price.shop * li.quantity, presentment: li.price.presentment * li.quantity }, o),
    variant: () => (v ? variantView(shop, v) : null),
    product: () => (v ? productView(shop, shop.products[v.productId]!) : null),
    customAttributes: [],
  };
}

// The actions of the mutations the sandbox serves, by status (a closed or cancelled fulfillment order has none).
const SUPPORTED_ACTIONS: Partial<Record<FulfillmentOrderRec["status"], string[]>> = {
  OPEN: ["CREATE_FULFILLMENT", "HOLD"],
  IN_PROGRESS: ["CREATE_FULFILLMENT", "HOLD"],
  ON_HOLD: ["RELEASE_HOLD", "HOLD"],
};

const HOLD_REASONS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment", AWAITING_RETURN_ITEMS: "Awaiting return items", HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address", INVENTORY_OUT_OF_STOCK: "Inventory out of stock", ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Post-purchase upsell",
  OTHER: "Other", UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};

export function fulfillmentHoldView(h: FulfillmentHoldRec): View {
  return {
    __typename: "FulfillmentHold", id: gid("FulfillmentHold", h.id), handle: h.handle, reason: h.reason, reasonNotes: h.reasonNotes,
    displayReason: HOLD_REASONS[h.reason] ?? h.reason,
    heldByRequestingApp: (_args: unknown, g: GqlContext) => g.clientId === h.clientId,
  };
}

export function fulfillmentOrderView(shop: ShopRec, fo: FulfillmentOrderRec): View {
  const order = shop.orders[fo.orderId]!;
  const location = shop.locations.find((l) => l.id === fo.locationId)!;
  return {
    __typename: "FulfillmentOrder", id: gid("FulfillmentOrder", fo.id), status: fo.status, requestStatus: "UNSUBMITTED", createdAt: fo.createdAt, updatedAt: fo.updatedAt,
    orderId: gid("Order", order.id), orderName: order.name, orderProcessedAt: order.processedAt, fulfillAt: null, fulfillBy: null,
    fulfillmentHolds: (fo.holds ?? []).map(fulfillmentHoldView),
    supportedActions: (SUPPORTED_ACTIONS[fo.status] ?? []).map((action) => ({ action, externalUrl: null })),
    order: () => orderView(shop, order),
    assignedLocation: { name: location.name, countryCode: location.countryCode, city: location.city, address1: null, address2: null, province: null, zip: null, phone: null, location: () => locationView(shop, location) },
    lineItems: (args: PageArgs, g: GqlContext) => paginateRecords(fo.lineItems, args, (l) => {
      const li = order.lineItems.find((x) => x.id === l.lineItemId)!;
      const v = li.variantId === null ? undefined : shop.variants[li.variantId];
      return {
        __typename: "FulfillmentOrderLineItem", id: gid("FulfillmentOrderLineItem", l.id), totalQuantity: l.totalQuantity, remainingQuantity: l.remainingQuantity,
        sku: li.sku, productTitle: li.title, variantTitle: li.variantTitle, vendor: null, requiresShipping: li.requiresShipping, warnings: [],
        inventoryItemId: v ? gid("InventoryItem", v.inventoryItemId) : null,
        lineItem: () => lineItemView(shop, order, li), variant: () => (v ? variantView(shop, v) : null),
      };
    }, g.bulk),
    fulfillments: (args: PageArgs, g: GqlContext) =>
      paginateRecords(order.fulfillmentIds.map((id) => shop.fulfillments[id]!).filter((f) => f.fulfillmentOrderIds.includes(fo.id)), args, (f) => fulfillmentView(shop, f), g.bulk),
  };
}

export function fulfillmentView(shop: ShopRec, f: FulfillmentRec): View {
  const order = shop.orders[f.orderId]!;
  const location = shop.locations.find((l) => l.id === f.locationId);
  return {
    __typename: "Fulfillment", id: gid("Fulfillment", f.id), legacyResourceId: String(f.id), name: f.name, status: f.status, createdAt: f.createdAt, updatedAt: f.updatedAt,
    displayStatus: f.status === "SUCCESS" ? "FULFILLED" : "CANCELED", deliveredAt: null, inTransitAt: null, estimatedDeliveryAt: null, requiresShipping: true,
    totalQuantity: f.lineItems.reduce((n, l) => n + l.quantity, 0),
    trackingInfo: (args: { first?: number }) => f.tracking.slice(0, args.first ?? undefined).map((t) => ({ company: t.company, number: t.number, url: t.url })),
    order: () => orderView(shop, order),
    location: () => (location ? locationView(shop, location) : null),
    fulfillmentLineItems: (args: PageArgs, g: GqlContext) => paginateRecords(f.lineItems, args, (l) => {
      const li = order.lineItems.find((x) => x.id === l.lineItemId)!;
      const total = { shop: li.price.shop * l.quantity, presentment: li.price.presentment * l.quantity };
      return { __typename: "FulfillmentLineItem", id: gid("FulfillmentLineItem", l.id), quantity: l.quantity, lineItem: () => lineItemView(shop, order, li), originalTotalSet: moneyBag(total, order), discountedTotalSet: moneyBag(total, order) };
    }, g.bulk),
    fulfillmentOrders: (args: PageArgs, g: GqlContext) => paginateRecords(f.fulfillmentOrderIds.map((id) => shop.fulfillmentOrders[id]!), args, (fo) => fulfillmentOrderView(shop, fo), g.bulk),
  };
}

export function orderView(shop: ShopRec, o: OrderRec): View {
  const totals = orderTotals(o);
  const quantity = o.lineItems.reduce((n, li) => n + li.quantity, 0);
  return {
    __typename: "Order", id: gid("Order", o.id), legacyResourceId: String(o.id), name: o.name, number: o.number, createdAt: o.createdAt, updatedAt: o.updatedAt,
    processedAt: o.processedAt, cancelledAt: o.cancelledAt, cancelReason: o.cancelReason, closed: o.closedAt !== null, closedAt: o.closedAt,
    sourceName: o.sourceName, sourceIdentifier: o.sourceIdentifier, tags: o.tags, note: o.note, email: o.email, phone: o.phone, test: o.test,
    currencyCode: o.currency, presentmentCurrencyCode: o.presentmentCurrency, taxesIncluded: o.taxesIncluded, confirmed: true, fullyPaid: o.financialStatus === "PAID",
    displayFinancialStatus: o.financialStatus, displayFulfillmentStatus: displayFulfillmentStatus(o), fulfillable: !o.cancelledAt && displayFulfillmentStatus(o) !== "FULFILLED",
    requiresShipping: o.lineItems.some((li) => li.requiresShipping), subtotalLineItemsQuantity: quantity, currentSubtotalLineItemsQuantity: o.cancelledAt ? 0 : quantity,
    customAttributes: o.customAttributes, shippingAddress: o.shippingAddress, billingAddress: o.billingAddress,
    subtotalPriceSet: moneyBag(totals.subtotal, o), currentSubtotalPriceSet: moneyBag(totals.subtotal, o),
    totalPriceSet: moneyBag(totals.total, o), currentTotalPriceSet: moneyBag(totals.total, o), originalTotalPriceSet: moneyBag(totals.total, o),
    totalTaxSet: moneyBag(o.tax, o), currentTotalTaxSet: moneyBag(o.tax, o), totalShippingPriceSet: moneyBag(o.shipping, o), currentShippingPriceSet: moneyBag(o.shipping, o),
    totalDiscountsSet: moneyBag(o.discount ?? ZERO, o), currentTotalDiscountsSet: moneyBag(o.discount ?? ZERO, o), totalRefundedSet: moneyBag(ZERO, o), totalOutstandingSet: moneyBag(ZERO, o),
    totalPrice: money(totals.total.shop), subtotalPrice: money(totals.subtotal.shop),
    shippingLine: o.shippingTitle ? { title: o.shippingTitle, code: null, source: null, originalPriceSet: moneyBag(o.shipping, o), discountedPriceSet: moneyBag(o.shipping, o) } : null,
    lineItems: (args: PageArgs, g: GqlContext) => paginateRecords(o.lineItems, args, (li) => lineItemView(shop, o, li), g.bulk),
    fulfillmentOrders: (args: PageArgs, g: GqlContext) => paginateRecords(o.fulfillmentOrderIds.map((id) => shop.fulfillmentOrders[id]!), args, (fo) => fulfillmentOrderView(shop, fo), g.bulk),
    fulfillments: (args: { first?: number }) => o.fulfillmentIds.slice(0, args.first ?? undefined).map((id) => fulfillmentView(shop, shop.fulfillments[id]!)),
    fulfillmentsCount: { count: o.fulfillmentIds.length, precision: "EXACT" },
  };
}
