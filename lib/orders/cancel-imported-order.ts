import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import type { ImportOutcome } from "./import-tiktok-order";
import { cancelShopifyOrder, type ShopifyStoreRef } from "./order-platform-calls";
import { markNeedsAttention } from "./order-outcomes";
import { recordOrderEvent } from "./record-order-event";
import { describeTikTokCancellation, shopifyCancelReason } from "./shopify-cancel-reason";

/** The TikTok order was cancelled after import: cancel the Shopify order with restock (no refund: TikTok refunds the buyer). */
export async function cancelOrderInShopify(options: {
  row: { id: string; organizationId: string; tiktokConnectionId: string; tiktokOrderId: string; state: string; stateReason: string | null; shopifyOrderId: string | null; shopifyOrderName: string | null };
  store: ShopifyStoreRef;
  cancelReason?: string;
  /** TikTok's cancellation_initiator: BUYER, SELLER or SYSTEM. */
  initiator?: string;
}): Promise<ImportOutcome> {
  const { row, store } = options;
  const cancellation = { initiator: options.initiator, reason: options.cancelReason };
  const why = describeTikTokCancellation(cancellation);
  const reason = shopifyCancelReason(cancellation);
  const refused = await cancelShopifyOrder(store, { shopifyOrderId: row.shopifyOrderId!, reason, note: `${why}. Cancelled by Ferry.` });
  if (refused) {
    await markNeedsAttention({ row, reason: `${why}, but Shopify refused to cancel order ${row.shopifyOrderName ?? ""}: ${refused}. Cancel it in Shopify.`, notify: true });
    return { handled: true, action: "cancellation refused by Shopify: needs attention", orderId: row.id };
  }
  const done = `${why}: Shopify order ${row.shopifyOrderName ?? ""} was cancelled (reason ${reason.toLowerCase()}) and its items restocked.`.replace("  ", " ");
  const updated = await db().tikTokOrder.updateMany({ where: { id: row.id, organizationId: row.organizationId, state: { not: "CANCELLED" } }, data: { state: "CANCELLED", stateReason: done, lastError: null, cancelledAt: new Date() } });
  if (updated.count === 1) {
    await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "cancelled", message: done });
    await recordActivity({ organizationId: row.organizationId, type: "orders.cancelled", level: "INFO", message: `TikTok order ${row.tiktokOrderId}: ${done}`, subjectType: "order", subjectId: row.id, connectionId: row.tiktokConnectionId });
  }
  return { handled: true, action: "cancelled in Shopify", orderId: row.id };
}
