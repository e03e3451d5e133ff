import { createHash } from "node:crypto";
import { recordActivity } from "../activity/record-activity";
import { db, type Prisma } from "../db";
import { raiseNotification } from "../notifications/raise-notification";
import { recordFulfillmentOnOrder } from "../orders/record-fulfillment-on-order";

export interface FulfillmentRowRef {
  id: string;
  organizationId: string;
  tiktokConnectionId: string;
  tiktokOrderId: string;
}

/**
 * The fulfillment needs a person: the row is FAILED with the reason (shown as "Needs attention" with
 * the reason on the Orders page), an Activity entry and one notification per row and reason.
 */
export async function markFulfillmentFailed(row: FulfillmentRowRef, reason: string, data: Prisma.OrderFulfillmentUpdateManyMutationInput = {}): Promise<void> {
  await db().orderFulfillment.updateMany({
    where: { id: row.id, organizationId: row.organizationId },
    data: { ...data, status: "FAILED", lastError: reason.slice(0, 1000) },
  });
  await recordActivity({
    organizationId: row.organizationId,
    type: "fulfillment.failed",
    level: "WARNING",
    message: `Tracking for TikTok order ${row.tiktokOrderId} was not sent: ${reason}`,
    subjectType: "tiktokOrder",
    subjectId: row.tiktokOrderId,
    connectionId: row.tiktokConnectionId,
  });
  const digest = createHash("sha256").update(reason).digest("hex").slice(0, 16);
  const organization = await db().organization.findUnique({ where: { id: row.organizationId }, select: { slug: true } });
  await raiseNotification({
    organizationId: row.organizationId,
    kind: "fulfillment.failed",
    level: "WARNING",
    title: `TikTok order ${row.tiktokOrderId} needs attention`,
    body: reason,
    // The Orders page, searched for the order: its row has the reason and Retry.
    href: organization ? `/${organization.slug}/orders?q=${encodeURIComponent(row.tiktokOrderId)}` : undefined,
    dedupeKey: `fulfillment-failed:${row.id}:${digest}`,
  });
  await recordFulfillmentOnOrder({ ...orderOf(row), outcome: "not-sent", message: `Tracking not sent: ${reason}` });
}

const orderOf = (row: FulfillmentRowRef) => ({ organizationId: row.organizationId, tiktokConnectionId: row.tiktokConnectionId, tiktokOrderId: row.tiktokOrderId });

export async function recordFulfillmentActivity(row: FulfillmentRowRef, message: string, level: "INFO" | "SUCCESS" = "SUCCESS"): Promise<void> {
  await recordActivity({
    organizationId: row.organizationId,
    type: level === "SUCCESS" ? "fulfillment.tracking_sent" : "fulfillment.skipped",
    level,
    message,
    subjectType: "tiktokOrder",
    subjectId: row.tiktokOrderId,
    connectionId: row.tiktokConnectionId,
  });
  if (level === "SUCCESS") await recordFulfillmentOnOrder({ ...orderOf(row), outcome: "tracking-sent", message });
}
