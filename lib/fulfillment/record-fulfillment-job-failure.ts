import { describeJobFailure } from "../activity/job-failure-reason";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { markFulfillmentFailed } from "./record-fulfillment-outcome";
import { numericShopifyId } from "./shopify-ids";

/**
 * The sync job gave up after its retries (TikTok or Shopify kept failing): the fulfillment's row, if the
 * job got as far as claiming one, is FAILED with a reason a merchant can act on; otherwise Activity says so.
 */
export async function recordFulfillmentJobFailure({ organizationId, shopifyConnectionId, shopifyFulfillmentId, error, runId }: {
  organizationId: string;
  shopifyConnectionId: string;
  shopifyFulfillmentId: string;
  error: unknown;
  runId?: string;
}): Promise<void> {
  const { reason, action } = describeJobFailure({ error, reference: runId });
  const message = `${reason}. ${action ?? "Use Retry on the order once the store works again."}`;
  const rows = await db().orderFulfillment.findMany({
    where: { organizationId, shopifyConnectionId, shopifyFulfillmentId: numericShopifyId(shopifyFulfillmentId), status: { not: "TRACKING_SENT" } },
    select: { id: true, organizationId: true, tiktokConnectionId: true, tiktokOrderId: true },
  });
  if (rows.length === 0) {
    await recordActivity({ organizationId, type: "fulfillment.failed", level: "ERROR", message: `Sending the tracking of Shopify fulfillment ${numericShopifyId(shopifyFulfillmentId)} to TikTok failed: ${message}`, subjectType: "connection", subjectId: shopifyConnectionId });
    return;
  }
  for (const row of rows) await markFulfillmentFailed(row, message);
}
