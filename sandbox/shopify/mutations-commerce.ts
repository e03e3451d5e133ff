// Mutations on inventory, orders and fulfillments.
import crypto from "node:crypto";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { availableAt, setAvailable, variantByInventoryItem } from "./catalog";
import { gid, parseGid, toAmount } from "./ids";
import { userError, type GqlContext } from "./gql-context";
import { cancelOrder, createOrder, fulfill, updateTracking, type InventoryBehaviour, type NewOrder } from "./orders";
import { restFulfillment, restInventoryLevel, restOrder } from "./rest-payloads";
import type { MoneyPair, TrackingRec } from "./state";
import { emitWebhook } from "./webhooks";
import { inventoryItemView, locationView } from "./views-catalog";
import { fulfillmentView, orderView } from "./views-orders";

const REASONS = new Set(["correction", "cycle_count_available", "damaged", "movement_created", "movement_updated", "movement_received", "movement_canceled", "other", "promotion", "quality_control", "received", "reservation_created", "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage"]);

/** Shopify 2026-04+ requires `@idempotent(key:)` on inventory mutations; a reused key replays the first answer. */
function idempotent(info: GraphQLResolveInfo, g: GqlContext, args: unknown, run: () => unknown): unknown {
  const directive = info.fieldNodes[0]?.directives?.find((d) => d.name.value === "idempotent");
  const arg = directive?.arguments?.find((a) => a.name.value === "key");
  const key = arg?.value.kind === "StringValue" ? arg.value.value : arg?.value.kind === "Variable" ? info.variableValues[arg.value.name.value] : undefined;
  if (typeof key !== "string" || key === "") {
    throw new GraphQLError(`The @idempotent directive with a key is required for ${info.fieldName} as of API version 2026-04.`, { extensions: { code: "BAD_REQUEST" } });
  }
  const fingerprint = JSON.stringify(args);
  const seen = g.idempotency.get(`${info.fieldName}:${key}`);
  if (seen) {
    if (seen.fingerprint !== fingerprint) return { inventoryAdjustmentGroup: null, userErrors: [userError(null, "The idempotency key was already used with different parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")] };
    return seen.payload;
  }
  const payload = run();
  g.idempotency.set(`${info.fieldName}:${key}`, { fingerprint, payload });
  return payload;
}

interface SetQuantitiesInput { name: string; reason: string; referenceDocumentUri?: string | null; quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[] }

function inventorySetQuantities(args: { input: SetQuantitiesInput }, g: GqlContext, info: GraphQLResolveInfo): unknown {
  return idempotent(info, g, args, () => {
    const { shop, ctx } = g;
    const { input } = args;
    const errors: Record<string, unknown>[] = [];
    if (input.name !== "available" && input.name !== "on_hand") errors.push(userError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
    if (!REASONS.has(input.reason)) errors.push(userError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
    const resolved = input.quantities.map((q, i) => {
      const field = (f: string) => ["input", "quantities", String(i), f];
      const item = parseGid(q.inventoryItemId, "InventoryItem");
      const location = parseGid(q.locationId, "Location");
      if (!item || !variantByInventoryItem(shop, item.id)) errors.push(userError(field("inventoryItemId"), "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
      if (!location || !shop.locations.some((l) => l.id === location.id)) errors.push(userError(field("locationId"), "The specified location could not be found.", "INVALID_LOCATION"));
      if (q.quantity > 1_000_000_000) errors.push(userError(field("quantity"), "The quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
      if (q.quantity < -1_000_000_000) errors.push(userError(field("quantity"), "The quantity can't be lower than -1,000,000,000.", "INVALID_QUANTITY_TOO_LOW"));
      if (!("changeFromQuantity" in q)) errors.push(userError(field("changeFromQuantity"), "changeFromQuantity must be provided (pass null to skip the compare-and-swap check).", "COMPARE_QUANTITY_REQUIRED"));
      else if (item && location && q.changeFromQuantity !== null && q.changeFromQuantity !== availableAt(shop, item.id, location.id)) {
        errors.push(userError(field("changeFromQuantity"), "The specified compare quantity does not match the current quantity.", "CHANGE_FROM_QUANTITY_STALE"));
      }
      return { item: item?.id ?? 0, location: location?.id ?? 0, quantity: q.quantity };
    });
    if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
    const changes = resolved.map((r) => {
      const delta = setAvailable(shop, r.item, r.location, r.quantity);
      return { ...r, delta };
    });
    g.after.push(() => {
      for (const c of changes) emitWebhook({ ctx, shop, topic: "inventory_levels/update", payload: restInventoryLevel(shop, c.item, c.location, ctx.now()) });
    });
    const created = new Date(ctx.now()).toISOString();
    return {
      userErrors: [],
      inventoryAdjustmentGroup: {
        __typename: "InventoryAdjustmentGroup", id: gid("InventoryAdjustmentGroup", Date.now()), createdAt: created, reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null,
        changes: () => changes.flatMap((c) => ["available", "on_hand"].map((name) => ({
          name, delta: c.delta, quantityAfterChange: c.quantity, ledgerDocumentUri: null,
          item: () => inventoryItemView(shop, c.item), location: () => locationView(shop, shop.locations.find((l) => l.id === c.location)!),
        }))),
      },
    };
  });
}

type MoneyBagInput = { shopMoney: { amount: string; currencyCode: string }; presentmentMoney?: { amount: string; currencyCode: string } | null } | null | undefined;
function pair(bag: MoneyBagInput): MoneyPair | null {
  if (!bag) return null;
  const shop = toAmount(bag.shopMoney.amount) ?? 0;
  return { shop, presentment: bag.presentmentMoney ? (toAmount(bag.presentmentMoney.amount) ?? shop) : shop };
}

interface OrderCreateArgs {
  order: Record<string, unknown> & { lineItems?: { variantId?: string | null; title?: string | null; sku?: string | null; quantity: number; priceSet?: MoneyBagInput; requiresShipping?: boolean | null }[] };
  options?: { inventoryBehaviour?: InventoryBehaviour | null } | null;
}

function fixedDiscount(input: unknown): NewOrder["discount"] {
  const fixed = (input as { itemFixedDiscountCode?: { code: string; amountSet?: MoneyBagInput } } | null | undefined)?.itemFixedDiscountCode;
  const amount = fixed ? pair(fixed.amountSet) : null;
  return fixed && amount ? { code: fixed.code, amount } : null;
}

function orderCreate(args: OrderCreateArgs, g: GqlContext): unknown {
  const { st, shop, ctx } = g;
  const o = args.order;
  const shippingLines = (o.shippingLines as { title: string; priceSet: MoneyBagInput }[] | undefined) ?? [];
  const taxLines = (o.taxLines as { priceSet?: MoneyBagInput }[] | undefined) ?? [];
  const sum = (list: (MoneyPair | null)[]) => list.reduce<MoneyPair>((a, b) => ({ shop: a.shop + (b?.shop ?? 0), presentment: a.presentment + (b?.presentment ?? 0) }), { shop: 0, presentment: 0 });
  const badVariant = (o.lineItems ?? []).findIndex((li) => li.variantId && !parseGid(li.variantId, "ProductVariant"));
  if (badVariant >= 0) return { order: null, userErrors: [userError(["order", "lineItems", String(badVariant), "variantId"], "Invalid global id", "INVALID")] };
  const input: NewOrder = {
    lineItems: (o.lineItems ?? []).map((li) => ({ variantId: li.variantId ? parseGid(li.variantId)!.id : null, title: li.title ?? null, sku: li.sku ?? null, quantity: li.quantity, price: pair(li.priceSet), requiresShipping: li.requiresShipping })),
    currency: o.currency as string | null, presentmentCurrency: o.presentmentCurrency as string | null, sourceName: o.sourceName as string | null,
    sourceIdentifier: o.sourceIdentifier as string | null, tags: o.tags as string[] | null, note: o.note as string | null, email: o.email as string | null,
    phone: o.phone as string | null, financialStatus: o.financialStatus as string | null, test: o.test as boolean | null, taxesIncluded: o.taxesIncluded as boolean | null,
    processedAt: o.processedAt as string | null, shippingAddress: o.shippingAddress as Record<string, unknown> | null, billingAddress: o.billingAddress as Record<string, unknown> | null,
    customAttributes: o.customAttributes as { key: string; value: string }[] | null, name: o.name as string | null,
    shipping: shippingLines.length ? { title: shippingLines[0]!.title, price: sum(shippingLines.map((s) => pair(s.priceSet))) } : null,
    tax: taxLines.length ? sum(taxLines.map((t) => pair(t.priceSet))) : null,
    discount: fixedDiscount(o.discountCode),
  };
  const result = createOrder({ st, shop, input, behaviour: args.options?.inventoryBehaviour ?? "BYPASS", clientId: g.clientId, nowMs: ctx.now() });
  if (Array.isArray(result)) return { order: null, userErrors: result.map((e) => userError(e.field, e.message, e.code)) };
  g.after.push(() => {
    emitWebhook({ ctx, shop, topic: "orders/create", payload: restOrder(shop, result) });
    if (result.inventoryDecremented) {
      for (const li of result.lineItems) {
        const v = li.variantId === null ? undefined : shop.variants[li.variantId];
        if (v) emitWebhook({ ctx, shop, topic: "inventory_levels/update", payload: restInventoryLevel(shop, v.inventoryItemId, result.locationId, ctx.now()) });
      }
    }
  });
  return { order: orderView(shop, result), userErrors: [] };
}

function orderCancel(args: { orderId: string; reason: string; restock: boolean }, g: GqlContext): unknown {
  const { shop, ctx } = g;
  const order = shop.orders[parseGid(args.orderId, "Order")?.id ?? -1];
  const job = { id: gid("Job", crypto.randomUUID()), done: true, query: null };
  if (!order) return { job: null, jobResult: null, orderCancelUserErrors: [userError(["orderId"], "Order does not exist", "NOT_FOUND")], userErrors: [userError(["orderId"], "Order does not exist")] };
  const error = cancelOrder({ shop, order, reason: args.reason, restock: args.restock, nowMs: ctx.now() });
  if (error) return { job: null, jobResult: null, orderCancelUserErrors: [userError(["orderId"], error, "INVALID")], userErrors: [userError(["orderId"], error)] };
  g.after.push(() => emitWebhook({ ctx, shop, topic: "orders/cancelled", payload: restOrder(shop, order) }));
  return { job, jobResult: { __typename: "OrderCancelJobResult", id: job.id, done: true, status: "SUCCEEDED", errors: [], order: () => orderView(shop, order) }, orderCancelUserErrors: [], userErrors: [] };
}

type TrackingInput = { company?: string | null; number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null } | null | undefined;
export function trackingList(t: TrackingInput): TrackingRec[] {
  if (!t) return [];
  const numbers = t.numbers?.length ? t.numbers : t.number ? [t.number] : [];
  const urls = t.urls?.length ? t.urls : t.url ? [t.url] : [];
  if (numbers.length === 0) return t.company || urls.length ? [{ company: t.company ?? null, number: null, url: urls[0] ?? null }] : [];
  return numbers.map((number, i) => ({ company: t.company ?? null, number, url: urls[i] ?? null }));
}

function fulfillmentCreate(args: { fulfillment: { lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[]; trackingInfo?: TrackingInput } }, g: GqlContext): unknown {
  const { st, shop, ctx } = g;
  const requests = args.fulfillment.lineItemsByFulfillmentOrder.map((r) => ({
    fulfillmentOrderId: parseGid(r.fulfillmentOrderId, "FulfillmentOrder")?.id ?? -1,
    lineItems: r.fulfillmentOrderLineItems?.map((l) => ({ id: parseGid(l.id, "FulfillmentOrderLineItem")?.id ?? -1, quantity: l.quantity })),
  }));
  const result = fulfill({ st, shop, requests, tracking: trackingList(args.fulfillment.trackingInfo), nowMs: ctx.now() });
  if (typeof result === "string") return { fulfillment: null, userErrors: [userError(["fulfillment"], result)] };
  const order = shop.orders[result.orderId]!;
  g.after.push(() => emitWebhook({ ctx, shop, topic: "fulfillments/create", payload: restFulfillment(order, result) }));
  return { fulfillment: fulfillmentView(shop, result), userErrors: [] };
}

function fulfillmentTrackingInfoUpdate(args: { fulfillmentId: string; trackingInfoInput: TrackingInput }, g: GqlContext): unknown {
  const { shop, ctx } = g;
  const f = shop.fulfillments[parseGid(args.fulfillmentId, "Fulfillment")?.id ?? -1];
  if (!f) return { fulfillment: null, userErrors: [userError(["fulfillmentId"], "Fulfillment does not exist.")] };
  updateTracking(shop, f, trackingList(args.trackingInfoInput), ctx.now());
  g.after.push(() => emitWebhook({ ctx, shop, topic: "fulfillments/update", payload: restFulfillment(shop.orders[f.orderId]!, f) }));
  return { fulfillment: fulfillmentView(shop, f), userErrors: [] };
}

export const commerceMutations = { inventorySetQuantities, orderCreate, orderCancel, fulfillmentCreate, fulfillmentTrackingInfoUpdate };
