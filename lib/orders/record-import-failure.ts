import { describeJobFailure } from "../activity/job-failure-reason";
import { recordJobFailure } from "../activity/record-job-failure";
import { db } from "../db";
import { recordOrderEvent } from "./record-order-event";

/** The import job gave up on an order (its retries are spent): the order shows why, with Retry; Activity says so. */
export async function recordImportFailure(options: { organizationId: string; tiktokConnectionId: string; tiktokOrderId: string; error: unknown; runId?: string }) {
  const { organizationId, tiktokConnectionId, tiktokOrderId, error, runId } = options;
  const { reason, action } = describeJobFailure({ error, reference: runId });
  const text = `Importing failed: ${reason}.${action ? ` ${action}` : " It is tried again within minutes, or press Retry."}`;
  const row = await db().tikTokOrder.findFirst({ where: { organizationId, tiktokConnectionId, tiktokOrderId }, select: { id: true } });
  if (row) {
    // The claim is released only if the failed run still holds it and nothing was created.
    await db().tikTokOrder.update({ where: { id: row.id }, data: { lastError: text } });
    await recordOrderEvent({ organizationId, orderId: row.id, kind: "error", message: text });
  }
  await recordJobFailure({
    organizationId,
    type: "orders.import",
    what: `Importing TikTok order ${tiktokOrderId}`,
    next: "It is tried again within minutes; Retry on the Orders page tries at once.",
    error,
    runId,
    ...(row ? { subjectType: "order", subjectId: row.id } : {}),
  });
}
