// fulfillmentOrderHold and fulfillmentOrderReleaseHold (Admin 2026-10). A fulfillment order is ON_HOLD while
// any hold is active; holds belong to the app that placed them and are told apart by their handle (up to 10
// per app); releasing the last one returns it to the status it was held from.
import { GraphQLError } from "graphql";
import { iso, parseGid } from "./ids";
import type { GqlContext } from "./gql-context";
import { indexFulfillmentOrder } from "./shop-index";
import { nextId, type FulfillmentHoldRec, type FulfillmentOrderRec } from "./state";
import { fulfillmentHoldView, fulfillmentOrderView } from "./views-orders";

export const HOLDS_PER_APP = 10;
const HANDLE_MAX = 64;

interface HoldInput {
  reason: string; reasonNotes?: string | null; notifyMerchant?: boolean | null; handle?: string | null; externalId?: string | null;
  fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
}

// FulfillmentOrderHoldUserError and FulfillmentOrderReleaseHoldUserError carry a nullable code.
const holdError = (field: string[] | null, message: string, code: string | null = null) => ({ field, message, code });

function findFulfillmentOrder(g: GqlContext, id: string): FulfillmentOrderRec | undefined {
  const parsed = parseGid(id, "FulfillmentOrder");
  return parsed ? g.shop.fulfillmentOrders[parsed.id] : undefined;
}

/** Why the requested line items cannot be held, or null; throws for a partial hold (a split the sandbox does not do). */
function lineItemsProblem(fo: FulfillmentOrderRec, lines: { id: string; quantity: number }[]): ReturnType<typeof holdError> | null {
  const field = ["fulfillmentHold", "fulfillmentOrderLineItems"];
  if (fo.status === "ON_HOLD") return holdError(field, "The fulfillment order is not in a splittable state.", "FULFILLMENT_ORDER_NOT_SPLITTABLE");
  const ids = lines.map((l) => parseGid(l.id, "FulfillmentOrderLineItem")?.id ?? -1);
  if (new Set(ids).size !== ids.length) return holdError(field, "The fulfillment order line items are not unique.", "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS");
  for (const [i, l] of lines.entries()) {
    if (l.quantity <= 0) return holdError([...field, String(i), "quantity"], "The fulfillment order line item quantity must be greater than 0.", "GREATER_THAN_ZERO");
    const line = fo.lineItems.find((x) => x.id === ids[i]);
    if (!line || l.quantity > line.remainingQuantity) return holdError([...field, String(i)], "The fulfillment order line item quantity is invalid.", "INVALID_LINE_ITEM_QUANTITY");
  }
  const whole = fo.lineItems.filter((l) => l.remainingQuantity > 0).every((l) => lines[ids.indexOf(l.id)]?.quantity === l.remainingQuantity);
  if (!whole) {
    throw new GraphQLError("Holding part of a fulfillment order (which splits it) is valid in Admin API 2026-10 but not implemented by the Ferry Shopify sandbox.", {
      extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX", fieldName: "fulfillmentOrderHold", argumentName: "fulfillmentOrderLineItems" },
    });
  }
  return null;
}

function fulfillmentOrderHold(args: { id: string; fulfillmentHold: HoldInput }, g: GqlContext): unknown {
  const fail = (error: ReturnType<typeof holdError>) => ({ fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [error] });
  const fo = findFulfillmentOrder(g, args.id);
  if (!fo) return fail(holdError(["id"], "The fulfillment order could not be found.", "FULFILLMENT_ORDER_NOT_FOUND"));
  const input = args.fulfillmentHold;
  const handle = input.handle ?? "";
  if (handle.length > HANDLE_MAX) return fail(holdError(["fulfillmentHold", "handle"], `Handle is too long (maximum is ${HANDLE_MAX} characters)`));
  if (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS" && fo.status !== "ON_HOLD") {
    return fail(holdError(["id"], `The fulfillment order's status is ${fo.status.toLowerCase()}: only an open or in progress fulfillment order can be placed on hold.`));
  }
  const holds = fo.holds ?? [];
  const mine = holds.filter((h) => h.clientId === g.clientId);
  if (mine.some((h) => h.handle === handle)) {
    return fail(holdError(["fulfillmentHold", "handle"], "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", "DUPLICATE_FULFILLMENT_HOLD_HANDLE"));
  }
  if (mine.length >= HOLDS_PER_APP) {
    return fail(holdError(["id"], `The maximum number of fulfillment holds for this fulfillment order has been reached for this app. An app can only have up to ${HOLDS_PER_APP} holds on a single fulfillment order at any one time.`, "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED"));
  }
  const problem = input.fulfillmentOrderLineItems?.length ? lineItemsProblem(fo, input.fulfillmentOrderLineItems) : null;
  if (problem) return fail(problem);
  const at = iso(g.ctx.now());
  const hold: FulfillmentHoldRec = {
    id: nextId(g.st), clientId: g.clientId, handle, reason: input.reason, reasonNotes: input.reasonNotes ?? null,
    notifyMerchant: input.notifyMerchant ?? false, externalId: input.externalId ?? null, createdAt: at,
  };
  if (fo.status !== "ON_HOLD") fo.heldFrom = fo.status;
  fo.status = "ON_HOLD";
  fo.holds = [...holds, hold];
  fo.updatedAt = at;
  indexFulfillmentOrder(g.shop, fo);
  return { fulfillmentHold: fulfillmentHoldView(hold), fulfillmentOrder: fulfillmentOrderView(g.shop, fo), remainingFulfillmentOrder: null, userErrors: [] };
}

function fulfillmentOrderReleaseHold(args: { id: string; holdIds?: string[] | null; externalId?: string | null }, g: GqlContext): unknown {
  const fail = (error: ReturnType<typeof holdError>) => ({ fulfillmentOrder: null, userErrors: [error] });
  const fo = findFulfillmentOrder(g, args.id);
  if (!fo) return fail(holdError(["id"], "The fulfillment order wasn't found.", "FULFILLMENT_ORDER_NOT_FOUND"));
  if (fo.status !== "ON_HOLD") return fail(holdError(["id"], `The fulfillment order is not on hold (its status is ${fo.status.toLowerCase()}).`));
  const holds = fo.holds ?? [];
  // Without holdIds every hold is released, whoever placed it; named holds of another fulfillment order are ignored.
  const named = args.holdIds ? new Set(args.holdIds.map((id) => parseGid(id, "FulfillmentHold")?.id ?? -1)) : null;
  const released = named ? holds.filter((h) => named.has(h.id)) : holds;
  if (named && released.some((h) => h.clientId !== g.clientId)) return fail(holdError(["holdIds"], "The app doesn't have access to release the fulfillment hold.", "INVALID_ACCESS"));
  const at = iso(g.ctx.now());
  fo.holds = holds.filter((h) => !released.includes(h));
  if (fo.holds.length === 0) {
    fo.status = fo.heldFrom ?? "OPEN";
    delete fo.heldFrom;
  }
  fo.updatedAt = at;
  indexFulfillmentOrder(g.shop, fo);
  return { fulfillmentOrder: fulfillmentOrderView(g.shop, fo), userErrors: [] };
}

export const holdMutations = { fulfillmentOrderHold, fulfillmentOrderReleaseHold };
