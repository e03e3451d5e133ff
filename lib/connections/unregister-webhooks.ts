import { db } from "../db";
import { TIKTOK_WEBHOOK_TOPICS } from "../platforms/tiktok/webhooks";
import { appUrls } from "./platform-config";
import { withShopifyClient } from "./shopify-session";
import { withTikTokShop } from "./tiktok-session";

/** Removes the subscriptions Ferry made for a store (only ours: other apps' are not touched). */
export async function unregisterWebhooks({ organizationId, connectionId }: { organizationId: string; connectionId: string }): Promise<{ removed: number }> {
  const where = { id: connectionId, organizationId };
  const connection = await db().connection.findFirst({
    where,
    select: { platform: true, externalId: true, credentialId: true, shopCipher: true, status: true },
  });
  // Not this organization's store (or purged since), or reconnected in the meantime: its
  // subscriptions are wanted again.
  if (!connection || connection.status === "ACTIVE") return { removed: 0 };
  let removed = 0;
  if (connection.platform === "SHOPIFY") {
    const uri = appUrls().shopifyWebhooks;
    await withShopifyClient({ credentialId: connection.credentialId, shop: connection.externalId }, async (client) => {
      for (const subscription of await client.listWebhookSubscriptions()) {
        if (subscription.uri !== uri) continue;
        await client.deleteWebhookSubscription(subscription.id);
        removed += 1;
      }
    });
  } else if (connection.shopCipher) {
    const shopCipher = connection.shopCipher;
    await withTikTokShop({ credentialId: connection.credentialId, connectionId }, async (client, accessToken) => {
      for (const eventType of TIKTOK_WEBHOOK_TOPICS) {
        await client.deleteWebhook({ accessToken, shopCipher, eventType });
        removed += 1;
      }
    });
  }
  await db().connection.updateMany({ where, data: { webhooksReadyAt: null } });
  return { removed };
}
