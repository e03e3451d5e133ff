import { inngest } from "@/inngest/client";
import { webhookReceived } from "@/inngest/events";
import { db, type Prisma } from "../db";
import type { Platform } from "../generated/prisma/enums.ts";

export interface StoreDeliveryOptions {
  platform: Platform;
  deliveryId: string;
  topic: string;
  shop: string;
  payload: Prisma.InputJsonValue;
}

export type StoreDeliveryResult = { duplicate: true } | { duplicate: false; id: string };
/** What a webhook route answers for: stored and queued, a duplicate, or too old to be genuine (acknowledged, not stored). */
export type ReceiveDeliveryResult = StoreDeliveryResult | { duplicate: false; stale: true };

/**
 * Dedupe, then enqueue: the platform's delivery id is unique, so a retried or replayed delivery is
 * acknowledged without a second job. If the job cannot be queued the row is removed again and the
 * caller answers 5xx, so the platform's retry gets a fresh chance.
 */
export async function storeAndEnqueueDelivery(options: StoreDeliveryOptions): Promise<StoreDeliveryResult> {
  const connection = await db().connection.findUnique({
    where: { platform_externalId: { platform: options.platform, externalId: options.shop } },
    select: { id: true, organizationId: true },
  });
  let id: string;
  try {
    ({ id } = await db().webhookDelivery.create({
      data: { ...options, organizationId: connection?.organizationId ?? null, connectionId: connection?.id ?? null },
      select: { id: true },
    }));
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { duplicate: true };
    throw error;
  }
  try {
    await inngest.send(
      webhookReceived.create(
        { deliveryId: id, platform: options.platform, topic: options.topic, shop: options.shop, organizationId: connection?.organizationId ?? null },
        { id: `webhook-${options.platform}-${options.deliveryId}` },
      ),
    );
  } catch (error) {
    await db().webhookDelivery.delete({ where: { id } }).catch(() => {});
    throw error;
  }
  return { duplicate: false, id };
}

/** Retention: deliveries are the dedupe window and the job's input; neither is needed after 30 days. */
export async function pruneWebhookDeliveries(now = new Date()): Promise<number> {
  const { count } = await db().webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } } });
  return count;
}
