import { z } from "zod";
import { isShopifyAppInstalled } from "../connections/shopify-session";
import { markUninstalled } from "../connections/mark-uninstalled";
import { warnAuthorizationExpiring } from "../connections/warn-authorization-expiring";
import { db } from "../db";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import { upcomingAuthorizationExpirationDataSchema } from "../platforms/tiktok/webhooks";
import type { DeliveryOutcome } from "./process-delivery";

export const LIFECYCLE_TOPICS = new Set(["SHOPIFY app/uninstalled", "TIKTOK SELLER_DEAUTHORIZATION", "TIKTOK UPCOMING_AUTHORIZATION_EXPIRATION"]);

// When the platform says the event happened: Shopify's X-Shopify-Triggered-At (kept at receipt), TikTok's
// signed envelope timestamp.
const shopifyTime = z.object({ triggeredAt: z.iso.datetime({ offset: true }) });
const tiktokTime = z.object({ timestamp: z.number() });

function eventTime(delivery: WebhookDelivery): Date | null {
  if (delivery.platform === "SHOPIFY") {
    const parsed = shopifyTime.safeParse(delivery.payload);
    return parsed.success ? new Date(parsed.data.triggeredAt) : null;
  }
  // Whole seconds: the end of that second, so only an event surely before the authorization counts as older.
  const parsed = tiktokTime.safeParse(delivery.payload);
  return parsed.success ? new Date(parsed.data.timestamp * 1000 + 999) : null;
}

/**
 * The store's life rather than its data: the app was uninstalled, the seller removed the
 * authorization, or it is about to expire. An event from before the store's latest (re)authorization
 * is history (a late retry or a replay) and changes nothing; so does an app/uninstalled that Shopify
 * itself contradicts, because the store's token still works (Shopify revokes it on uninstall, and the
 * webhook's headers, this event time included, are not covered by its signature).
 */
export async function handleLifecycleDelivery({ delivery }: { delivery: WebhookDelivery & { connectionId: string } }): Promise<DeliveryOutcome> {
  const connection = await db().connection.findUniqueOrThrow({
    where: { id: delivery.connectionId },
    select: { id: true, status: true, authorizedAt: true, credentialId: true, externalId: true },
  });
  const happenedAt = eventTime(delivery);
  if (happenedAt && happenedAt < connection.authorizedAt) {
    return { handled: true, action: "ignored: the store was authorized again after this event" };
  }
  switch (`${delivery.platform} ${delivery.topic}`) {
    case "SHOPIFY app/uninstalled": {
      if (connection.status === "UNINSTALLED") return { handled: true, action: "already uninstalled" };
      if (await isShopifyAppInstalled({ credentialId: connection.credentialId, shop: connection.externalId })) {
        return { handled: true, action: "ignored: Shopify still accepts the store's token, so the app is installed" };
      }
      const changed = await markUninstalled({ connectionId: connection.id, reason: "Ferry was uninstalled from this Shopify store." });
      return { handled: true, action: changed ? "marked uninstalled" : "already uninstalled" };
    }
    case "TIKTOK SELLER_DEAUTHORIZATION": {
      const changed = await markUninstalled({ connectionId: connection.id, reason: "The seller removed Ferry's authorization on TikTok Shop." });
      return { handled: true, action: changed ? "marked uninstalled" : "already uninstalled" };
    }
    default: {
      const data = upcomingAuthorizationExpirationDataSchema.safeParse((delivery.payload as { data?: unknown }).data);
      // TikTok sends this 30 days ahead; without a readable date, assume that.
      const expiresAt = data.success && data.data.expiration_time ? new Date(data.data.expiration_time * 1000) : new Date(Date.now() + 30 * 86_400_000);
      const warned = await warnAuthorizationExpiring({ connectionId: connection.id, expiresAt, source: "platform" });
      return { handled: true, action: warned ? "warned" : connection.status === "ACTIVE" ? "already warned" : `ignored: the shop is ${connection.status.toLowerCase()}` };
    }
  }
}
