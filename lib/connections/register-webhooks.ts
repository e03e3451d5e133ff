import { db } from "../db";
import { SHOPIFY_SUBSCRIPTION_TOPICS, type ShopifySubscriptionTopic } from "../platforms/shopify/topics";
import { TIKTOK_WEBHOOK_TOPICS } from "../platforms/tiktok/webhooks";
import { appUrls } from "./platform-config";
import { withShopifyClient } from "./shopify-session";
import { withTikTokShop } from "./tiktok-session";

/**
 * Makes the store's webhook subscriptions match what Ferry handles, at the current APP_URL.
 * Idempotent: existing subscriptions are kept, ones pointing elsewhere (an old APP_URL) replaced.
 */
export async function registerWebhooks({ organizationId, connectionId }: { organizationId: string; connectionId: string }): Promise<{ topics: number }> {
  const where = { id: connectionId, organizationId };
  const connection = await db().connection.findFirst({
    where,
    select: { id: true, platform: true, externalId: true, credentialId: true, shopCipher: true, status: true },
  });
  // Not this organization's store, gone, or disconnected since: nothing to subscribe.
  if (connection?.status !== "ACTIVE") return { topics: 0 };
  try {
    const topics = connection.platform === "SHOPIFY" ? await registerShopify(connection) : await registerTikTok(connection);
    await db().connection.updateMany({ where, data: { webhooksReadyAt: new Date(), webhookError: null } });
    return { topics };
  } catch (error) {
    await db().connection.updateMany({
      where,
      data: { webhooksReadyAt: null, webhookError: (error instanceof Error ? error.message : String(error)).slice(0, 500) },
    });
    throw error;
  }
}

async function registerShopify(connection: { externalId: string; credentialId: string }): Promise<number> {
  const uri = appUrls().shopifyWebhooks;
  return withShopifyClient({ credentialId: connection.credentialId, shop: connection.externalId }, async (client) => {
    const existing = await client.listWebhookSubscriptions();
    const wanted = Object.keys(SHOPIFY_SUBSCRIPTION_TOPICS) as ShopifySubscriptionTopic[];
    for (const topic of wanted) {
      const current = existing.filter((s) => s.topic === topic);
      if (current.some((s) => s.uri === uri)) continue;
      for (const stale of current) await client.deleteWebhookSubscription(stale.id);
      await client.createWebhookSubscription({ topic, uri });
    }
    return wanted.length;
  });
}

async function registerTikTok(connection: { id: string; credentialId: string; shopCipher: string | null }): Promise<number> {
  const address = appUrls().tiktokWebhooks;
  const shopCipher = connection.shopCipher;
  if (!shopCipher) throw new Error("The TikTok shop has no shop cipher; re-authorize it.");
  await withTikTokShop({ credentialId: connection.credentialId, connectionId: connection.id }, async (client, accessToken) => {
    // One address per app, shop and topic: updating is idempotent.
    for (const eventType of TIKTOK_WEBHOOK_TOPICS) await client.updateWebhook({ accessToken, shopCipher, eventType, address });
  });
  return TIKTOK_WEBHOOK_TOPICS.length;
}
