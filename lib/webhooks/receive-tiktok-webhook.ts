import { AppError } from "../errors";
import { tiktokConfig } from "../connections/platform-config";
import { parseTikTokWebhook, verifyTikTokWebhook } from "../platforms/tiktok/webhooks";
import { storeAndEnqueueDelivery } from "./store-delivery";

export interface ReceiveTikTokWebhookOptions {
  rawBody: string;
  authorization: string | null;
}

/** Verify → parse (explicit set of types) → dedupe → enqueue. Nothing reads the body before it verifies. */
export async function receiveTikTokWebhook({ rawBody, authorization }: ReceiveTikTokWebhookOptions) {
  const { appKey, appSecret } = tiktokConfig();
  if (!verifyTikTokWebhook({ appKey, appSecret, rawBody, authorizationHeader: authorization })) {
    throw new AppError("UNAUTHENTICATED", "Invalid webhook signature.");
  }
  const parsed = parseTikTokWebhook(rawBody);
  if (!parsed.ok) {
    throw new AppError("BAD_REQUEST", parsed.reason === "unknown_type" ? `Unsupported webhook type ${parsed.type}.` : "Malformed webhook body.");
  }
  const { envelope, topic } = parsed;
  return storeAndEnqueueDelivery({
    platform: "TIKTOK",
    deliveryId: envelope.tts_notification_id,
    topic,
    shop: envelope.shop_id,
    // TikTok's notification data carries ids and statuses, no buyer details.
    payload: { timestamp: envelope.timestamp, data: envelope.data as Record<string, string | number | boolean | null> },
  });
}
