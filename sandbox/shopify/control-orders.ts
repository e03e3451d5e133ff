// Control API for orders: list what apps created, and act as the merchant (fulfill, correct tracking, cancel).
import type { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import type { cancelInput, fulfillInput, trackingInput } from "./control-schemas";
import { numericId, zodMessage } from "./control-schemas";
import { gid } from "./ids";
import { cancelOrder, displayFulfillmentStatus, fulfill, orderTotals, updateTracking } from "./orders";
import { restFulfillment, restOrder } from "./rest-payloads";
import { shopifyState, type OrderRec, type ShopRec } from "./state";
import { emitWebhook } from "./webhooks";

const bad = (message: string, status = 400): SandboxResponse => ({ status, body: { error: message } });

export function orderSummary(shop: ShopRec, o: OrderRec) {
  const t = orderTotals(o);
  return {
    id: gid("Order", o.id), legacyId: o.id, name: o.name, createdAt: o.createdAt, sourceName: o.sourceName, sourceIdentifier: o.sourceIdentifier, tags: o.tags,
    currency: o.currency, presentmentCurrency: o.presentmentCurrency, subtotal: t.subtotal, total: t.total, shipping: o.shipping, tax: o.tax, discount: o.discount ?? { shop: 0, presentment: 0 },
    financialStatus: o.financialStatus, fulfillmentStatus: displayFulfillmentStatus(o), cancelledAt: o.cancelledAt, cancelReason: o.cancelReason,
    createdByApp: o.appClientId, inventoryDecremented: o.inventoryDecremented,
    lineItems: o.lineItems.map((li) => ({ id: gid("LineItem", li.id), legacyId: li.id, variantId: li.variantId === null ? null : gid("ProductVariant", li.variantId), sku: li.sku, title: li.title, quantity: li.quantity, fulfilledQuantity: li.fulfilledQuantity, price: li.price })),
    fulfillmentOrders: o.fulfillmentOrderIds.map((id) => {
      const fo = shop.fulfillmentOrders[id]!;
      return { id: gid("FulfillmentOrder", fo.id), status: fo.status, holds: (fo.holds ?? []).map((h) => ({ id: gid("FulfillmentHold", h.id), handle: h.handle, reason: h.reason, reasonNotes: h.reasonNotes, heldBy: h.clientId })) };
    }),
    fulfillments: o.fulfillmentIds.map((id) => {
      const f = shop.fulfillments[id]!;
      return { id: gid("Fulfillment", f.id), name: f.name, status: f.status, tracking: f.tracking, createdAt: f.createdAt, updatedAt: f.updatedAt };
    }),
  };
}

interface Options {
  req: SandboxRequest; ctx: SandboxContext; shop: ShopRec; id: string | undefined; action: string | undefined; done: (r: SandboxResponse) => SandboxResponse;
  schemas: { fulfillInput: typeof fulfillInput; trackingInput: typeof trackingInput; cancelInput: typeof cancelInput };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): { data: z.infer<T> } | { error: SandboxResponse } {
  const r = schema.safeParse(body ?? {});
  return r.success ? { data: r.data } : { error: bad(zodMessage(r.error)) };
}

export function controlOrders(o: Options): SandboxResponse | null {
  const { req, ctx, shop, id, action, done, schemas } = o;
  if (id === undefined) {
    if (req.method !== "GET") return bad("use GET", 405);
    const src = req.url.searchParams.get("sourceIdentifier");
    const list = Object.values(shop.orders).filter((x) => !src || x.sourceIdentifier === src);
    return { status: 200, body: { orders: list.map((x) => orderSummary(shop, x)) } };
  }
  const order = shop.orders[numericId(id) ?? -1];
  if (!order) return bad(`no order ${id} on ${shop.domain}`, 404);
  if (action === undefined) return req.method === "GET" ? { status: 200, body: orderSummary(shop, order) } : bad("use GET", 405);
  if (req.method !== "POST") return bad("use POST", 405);
  const st = shopifyState(ctx);
  if (action === "fulfill") {
    const p = parse(schemas.fulfillInput, req.body);
    if ("error" in p) return p.error;
    const open = order.fulfillmentOrderIds.map((fid) => shop.fulfillmentOrders[fid]!).filter((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS" || fo.status === "ON_HOLD");
    if (open.length === 0) return bad(`order ${order.name} has nothing left to fulfill`, 409);
    const requests = open.map((fo) => ({
      fulfillmentOrderId: fo.id,
      lineItems: p.data.lineItems?.flatMap((want) => {
        const line = fo.lineItems.find((l) => l.lineItemId === numericId(want.lineItemId));
        return line ? [{ id: line.id, quantity: want.quantity }] : [];
      }),
    })).filter((r) => r.lineItems === undefined || r.lineItems.length > 0);
    if (requests.length === 0) return bad("none of lineItems belongs to an open fulfillment order of this order", 400);
    const result = fulfill({ st, shop, requests, tracking: [{ company: p.data.company, number: p.data.trackingNumber, url: p.data.url ?? null }], nowMs: ctx.now() });
    if (typeof result === "string") return bad(result, 409);
    emitWebhook({ ctx, shop, topic: "fulfillments/create", payload: restFulfillment(order, result) });
    return done({ status: 201, body: orderSummary(shop, order) });
  }
  if (action === "tracking") {
    const p = parse(schemas.trackingInput, req.body);
    if ("error" in p) return p.error;
    const last = order.fulfillmentIds.length ? shop.fulfillments[order.fulfillmentIds[order.fulfillmentIds.length - 1]!] : undefined;
    if (!last) return bad(`order ${order.name} has no fulfillment to correct`, 409);
    updateTracking(shop, last, [{ company: p.data.company, number: p.data.trackingNumber, url: p.data.url ?? null }], ctx.now());
    emitWebhook({ ctx, shop, topic: "fulfillments/update", payload: restFulfillment(order, last) });
    return done({ status: 200, body: orderSummary(shop, order) });
  }
  if (action === "cancel") {
    const p = parse(schemas.cancelInput, req.body);
    if ("error" in p) return p.error;
    const error = cancelOrder({ shop, order, reason: p.data.reason ?? "OTHER", restock: p.data.restock ?? true, nowMs: ctx.now() });
    if (error) return bad(error, 409);
    emitWebhook({ ctx, shop, topic: "orders/cancelled", payload: restOrder(shop, order) });
    return done({ status: 200, body: orderSummary(shop, order) });
  }
  return null;
}
