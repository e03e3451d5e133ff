import { AppError } from "../errors";
import { tiktokConfig } from "../connections/platform-config";
import { log } from "../log";
import { isStaleTikTokWebhook, parseTikTokWebhook, verifyTikTokWebhook } from "../platforms/tiktok/webhooks";
import { storeAndEnqueueDelivery, type ReceiveDeliveryResult } from "./store-delivery";

export interface ReceiveTikTokWebhookOptions {
  rawBody: string;
  authorization: string | null;
}

/** Verify → parse (explicit set of types) → age → dedupe → enqueue. Nothing reads the body before it verifies. */
export async function receiveTikTokWebhook({ rawBody, authorization }: ReceiveTikTokWebhookOptions): Promise<ReceiveDeliveryResult> {
  const { appKey, appSecret } = tiktokConfig();
  if (!verifyTikTokWebhook({ appKey, appSecret, rawBody, authorizationHeader: authorization })) {
    throw new AppError("UNAUTHENTICATED", "Invalid webhook signature.");
  }
  const parsed = parseTikTokWebhook(rawBody);
  if (!parsed.ok) {
    throw new AppError("BAD_REQUEST", parsed.reason === "unknown_type" ? `Unsupported webhook type ${parsed.type}.` : "Malformed webhook body.");
  }
  const { envelope, topic } = parsed;
  if (isStaleTikTokWebhook({ timestamp: envelope.timestamp })) {
    log.warn("stale TikTok webhook ignored", { topic, shop: envelope.shop_id, notificationId: envelope.tts_notification_id, timestamp: envelope.timestamp });
    return { duplicate: false, stale: true };
  }
  return storeAndEnqueueDelivery({
    platform: "TIKTOK",
    deliveryId: envelope.tts_notification_id,
    topic,
    shop: envelope.shop_id,
    // TikTok's notification data carries ids and statuses, no buyer details.
    payload: { timestamp: envelope.timestamp, data: envelope.data as Record<string, string | number | boolean | null> },
  });
}
