// An order created during TikTok's ON_HOLD window (Settings → Orders → import during the hold) is held in
// Shopify too: every fulfillment order gets Ferry's fulfillment hold, so nobody ships what the buyer may still
// cancel; the hold is released when TikTok's ends. Both directions read the order first and touch only what is
// not done yet, so a retry, a replay or a racing run changes nothing twice. A failure is written on the order
// (timeline and last error) and thrown, so the job tries again.
import { withShopifyClient } from "../connections/shopify-session";
import { db } from "../db";
import { ShopifyApiError } from "../platforms/shopify/errors";
import type { HoldableFulfillmentOrder } from "../platforms/shopify/operations/fulfillment-holds";
import { numericId, type ShopifyStoreRef } from "./order-platform-calls";
import { recordOrderEvent } from "./record-order-event";

/** Ferry's hold among others' (a merchant's or another app's, which Ferry never releases). */
export const TIKTOK_HOLD_HANDLE = "ferry-tiktok-hold";
export const TIKTOK_HOLD_NOTES = "TikTok Shop hold: the buyer may still cancel. Ferry releases this hold when TikTok's hold ends.";
// Statuses a fulfillment can still be made from; closed, cancelled, scheduled or incomplete ones have nothing to hold.
const HOLDABLE = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD"]);

type Direction = "hold" | "release";
type HoldOutcome = { ok: true; changed: number } | { ok: false; reason: string };

const ours = (fo: HoldableFulfillmentOrder) => fo.fulfillmentHolds.filter((h) => h.heldByRequestingApp && h.handle === TIKTOK_HOLD_HANDLE);
/** The fulfillment orders that still need the change. */
const pending = (direction: Direction, nodes: HoldableFulfillmentOrder[]) =>
  direction === "hold" ? nodes.filter((fo) => HOLDABLE.has(fo.status) && ours(fo).length === 0) : nodes.filter((fo) => ours(fo).length > 0);

async function changeHolds(store: ShopifyStoreRef, options: { shopifyOrderId: string; direction: Direction }): Promise<HoldOutcome> {
  const { shopifyOrderId, direction } = options;
  return withShopifyClient(store, async (client) => {
    const order = await client.orderFulfillmentHolds(shopifyOrderId);
    if (!order) return { ok: false, reason: `Shopify has no order ${numericId(shopifyOrderId)}` };
    // A cancelled order has nothing left to ship: its fulfillment orders are closed.
    if (order.cancelledAt) return { ok: true, changed: 0 };
    // Shopify makes an order's fulfillment orders in the background after orderCreate: none yet is not "nothing to hold".
    if (direction === "hold" && order.fulfillmentOrders.nodes.length === 0) return { ok: false, reason: "Shopify has not made the order's fulfillment orders yet" };
    const refusals: string[] = [];
    let changed = 0;
    for (const fo of pending(direction, order.fulfillmentOrders.nodes)) {
      const { userErrors } = direction === "hold"
        ? await client.holdFulfillmentOrder({ fulfillmentOrderId: fo.id, reason: "OTHER", reasonNotes: TIKTOK_HOLD_NOTES, handle: TIKTOK_HOLD_HANDLE })
        : await client.releaseFulfillmentHolds({ fulfillmentOrderId: fo.id, holdIds: ours(fo).map((h) => h.id) });
      if (userErrors.length === 0) changed += 1;
      else refusals.push(`fulfillment order ${numericId(fo.id)}: ${userErrors.map((e) => e.message).join("; ")}`);
    }
    if (refusals.length === 0) return { ok: true, changed };
    // A run racing this one may have made the change first (a duplicate handle, "not on hold"): what counts is the order now.
    const now = await client.orderFulfillmentHolds(shopifyOrderId);
    if (now && (now.cancelledAt || pending(direction, now.fulfillmentOrders.nodes).length === 0)) return { ok: true, changed };
    return { ok: false, reason: `Shopify refused: ${refusals.join("; ")}` };
  });
}

interface HeldRow {
  id: string;
  organizationId: string;
  shopifyOrderId: string | null;
  shopifyOrderName: string | null;
}

/**
 * Holds (or releases) the Shopify order's fulfillment for TikTok's hold. Resolves once Shopify has it so;
 * otherwise the reason is on the order and the error is thrown for the job to retry.
 */
export async function followTikTokHoldInShopify(options: { row: HeldRow; store: ShopifyStoreRef; direction: Direction }): Promise<void> {
  const { row, store, direction } = options;
  if (!row.shopifyOrderId) return;
  const name = row.shopifyOrderName ?? numericId(row.shopifyOrderId);
  let outcome: HoldOutcome;
  let thrown: unknown = null;
  try {
    outcome = await changeHolds(store, { shopifyOrderId: row.shopifyOrderId, direction });
  } catch (error) {
    thrown = error;
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.ok) {
    if (outcome.changed > 0) {
      await recordOrderEvent({
        organizationId: row.organizationId,
        orderId: row.id,
        kind: direction === "hold" ? "held" : "released",
        message: direction === "hold"
          ? `Shopify order ${name} put on hold (fulfillment hold "Other": TikTok's hold): it cannot be fulfilled until TikTok's hold ends.`
          : `Released the fulfillment hold on Shopify order ${name}: it can be fulfilled now.`,
      });
    }
    await db().tikTokOrder.updateMany({ where: { id: row.id, organizationId: row.organizationId, lastError: { not: null } }, data: { lastError: null } });
    return;
  }
  const text = direction === "hold"
    ? `Could not put Shopify order ${name} on hold during TikTok's hold: ${outcome.reason}. Ferry tries again; until then, do not fulfill it in Shopify.`
    : `Could not release the fulfillment hold on Shopify order ${name}: ${outcome.reason}. Ferry tries again; Retry tries at once, or release the hold in Shopify.`;
  const before = await db().tikTokOrder.findFirst({ where: { id: row.id, organizationId: row.organizationId }, select: { lastError: true } });
  await db().tikTokOrder.updateMany({ where: { id: row.id, organizationId: row.organizationId }, data: { lastError: text.slice(0, 1000) } });
  if (before?.lastError !== text.slice(0, 1000)) await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "error", message: text });
  throw thrown ?? new ShopifyApiError({ kind: "userFixable", code: "USER_ERRORS", message: text });
}
