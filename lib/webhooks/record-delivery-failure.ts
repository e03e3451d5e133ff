import { recordJobFailure } from "../activity/record-job-failure";
import { db } from "../db";

export interface RecordDeliveryFailureOptions {
  organizationId: string;
  deliveryId: string;
  /** The error the processing job failed with, as its onFailure received it. */
  error: unknown;
  runId?: string;
}

const PLATFORM_NAMES = { SHOPIFY: "Shopify", TIKTOK: "TikTok Shop" } as const;

/**
 * A webhook's processing job gave up: Activity names the store and the kind of notification (the
 * topic, never the payload). A delivery that is not this organization's records nothing.
 */
export async function recordDeliveryFailure({ organizationId, deliveryId, error, runId }: RecordDeliveryFailureOptions): Promise<boolean> {
  const delivery = await db().webhookDelivery.findFirst({ where: { id: deliveryId, organizationId }, select: { platform: true, topic: true, connectionId: true } });
  if (!delivery) return false;
  const connection = delivery.connectionId
    ? await db().connection.findFirst({ where: { id: delivery.connectionId, organizationId }, select: { name: true } })
    : null;
  await recordJobFailure({
    organizationId,
    type: "webhooks.delivery_failed",
    what: `Processing a ${PLATFORM_NAMES[delivery.platform]} notification (${delivery.topic})${connection ? ` for ${connection.name}` : ""}`,
    next: /product/i.test(delivery.topic)
      ? 'The six-hourly catalog reconciliation catches up on missed product changes; "Import now" on Products does it at once.'
      : "If the store looks out of date, check it under Connections.",
    error,
    runId,
    subjectType: delivery.connectionId ? "connection" : undefined,
    subjectId: delivery.connectionId ?? undefined,
  });
  return true;
}
