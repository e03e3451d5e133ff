import { AppError } from "../errors";
import { shopifyConfig } from "../connections/platform-config";
import { isPrivacyTopic } from "../platforms/shopify/topics";
import { log } from "../log";
import { isStaleShopifyWebhook, readShopifyWebhook } from "../platforms/shopify/webhooks";
import { minimizeShopifyPayload } from "./minimize-shopify-payload";
import { storeAndEnqueueDelivery, type ReceiveDeliveryResult } from "./store-delivery";

export interface ReceiveShopifyWebhookOptions {
  rawBody: string;
  headers: Headers;
  /** The compliance address takes only the privacy topics; the main address takes the rest. */
  endpoint: "main" | "compliance";
}

/** Verify (401 on a bad HMAC, as Shopify requires) → headers → explicit topic set → age → dedupe → enqueue. */
export async function receiveShopifyWebhook({ rawBody, headers, endpoint }: ReceiveShopifyWebhookOptions): Promise<ReceiveDeliveryResult> {
  const check = readShopifyWebhook({ rawBody, headers, clientSecret: shopifyConfig().clientSecret });
  if (!check.ok) throw new AppError(check.reason === "signature" ? "UNAUTHENTICATED" : "BAD_REQUEST", `${check.message}.`);
  const { webhook } = check;
  if (isPrivacyTopic(webhook.topic) !== (endpoint === "compliance")) {
    throw new AppError("BAD_REQUEST", `The ${webhook.topic} topic is not delivered to this address.`);
  }
  if (isStaleShopifyWebhook({ triggeredAt: webhook.triggeredAt })) {
    // Acknowledged, not refused: Shopify deletes a subscription after repeated failed deliveries.
    log.warn("stale Shopify webhook ignored", { topic: webhook.topic, shop: webhook.shop, webhookId: webhook.webhookId, triggeredAt: webhook.triggeredAt });
    return { duplicate: false, stale: true };
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "Malformed webhook body.");
  }
  return storeAndEnqueueDelivery({
    platform: "SHOPIFY",
    deliveryId: webhook.webhookId,
    topic: webhook.topic,
    shop: webhook.shop,
    payload: { triggeredAt: webhook.triggeredAt, apiVersion: webhook.apiVersion, body: minimizeShopifyPayload(webhook.topic, body) },
  });
}
