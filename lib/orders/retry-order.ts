import { inngest } from "@/inngest/client";
import { tiktokOrderChanged } from "@/inngest/events";
import { db } from "../db";
import { conflict, notFound } from "../errors";
import { recordOrderEvent } from "./record-order-event";

/** "Retry": the order is read from TikTok again and imported (or followed) at once. */
export async function retryOrder({ organizationId, orderId }: { organizationId: string; orderId: string }) {
  const row = await db().tikTokOrder.findFirst({ where: { id: orderId, organizationId }, select: { id: true, tiktokConnectionId: true, tiktokOrderId: true, state: true } });
  if (!row) throw notFound("Order not found.");
  if (row.state === "CANCELLED" || row.state === "SKIPPED") throw conflict("This order is not imported on purpose: there is nothing to retry.");
  await recordOrderEvent({ organizationId, orderId: row.id, kind: "retry", message: "Retry requested by a member." });
  await inngest.send(tiktokOrderChanged.create({ organizationId, tiktokConnectionId: row.tiktokConnectionId, tiktokOrderId: row.tiktokOrderId, source: "retry" }));
  return { queued: true };
}
