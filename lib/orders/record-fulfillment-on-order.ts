import { db } from "../db";
import { recordOrderEvent } from "./record-order-event";

/**
 * Fulfillment sync's outcome on the order's own row, so the Orders page shows it: "Tracking sent" once
 * TikTok has the tracking, "Fulfilled" with the reason while Shopify has fulfilled it but TikTok does
 * not have the tracking yet. Orders Ferry has no row for (created before the import existed) are left alone.
 */
export async function recordFulfillmentOnOrder(options: {
  organizationId: string;
  tiktokConnectionId: string;
  tiktokOrderId: string;
  outcome: "tracking-sent" | "not-sent";
  message: string;
}): Promise<void> {
  const row = await db().tikTokOrder.findFirst({
    where: { organizationId: options.organizationId, tiktokConnectionId: options.tiktokConnectionId, tiktokOrderId: options.tiktokOrderId, shopifyOrderId: { not: null } },
    select: { id: true, state: true },
  });
  if (!row || row.state === "CANCELLED") return;
  const sent = options.outcome === "tracking-sent";
  await db().tikTokOrder.update({
    where: { id: row.id },
    data: sent ? { state: "TRACKING_SENT", stateReason: null, lastError: null } : { state: row.state === "TRACKING_SENT" ? "TRACKING_SENT" : "FULFILLED", lastError: options.message.slice(0, 1000) },
  });
  await recordOrderEvent({ organizationId: options.organizationId, orderId: row.id, kind: sent ? "tracking" : "error", message: options.message });
}
