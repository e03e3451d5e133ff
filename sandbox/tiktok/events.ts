import type { SandboxContext } from "../core/platform";
import { getApp } from "./apps";
import { cfg, sec } from "./config";
import { nextId } from "./ids";
import { webhookSignature } from "./sign";
import type { Store } from "./store";

// Webhook topic names (Event API) and their numeric `type` in the delivered body.
export const EVENT_TYPES = {
  ORDER_STATUS_CHANGE: 1, RECIPIENT_ADDRESS_UPDATE: 3, PACKAGE_UPDATE: 4, PRODUCT_STATUS_CHANGE: 5,
  SELLER_DEAUTHORIZATION: 6, UPCOMING_AUTHORIZATION_EXPIRATION: 7, CANCELLATION_STATUS_CHANGE: 11,
  RETURN_STATUS_CHANGE: 12, NEW_CONVERSATION: 13, NEW_MESSAGE: 14, PRODUCT_INFORMATION_CHANGE: 15, PRODUCT_CREATION: 16,
  PRODUCT_CATEGORY_CHANGE: 18, NEW_MESSAGE_LISTENER: 33, INVOICE_STATUS_CHANGE: 36, PRODUCT_AUDIT_STATUS_CHANGE: 37,
  REVERSE_STATUS_UPDATE: 2,
} as const;
export type EventName = keyof typeof EVENT_TYPES;

/**
 * Deliver one event of a shop to every app the shop's seller has authorized (plus, for a deauthorization, the app
 * just revoked): to the shop-level address from the Event API if set, else to the app's registered webhookUrl.
 */
export function emit(ctx: SandboxContext, store: Store, shopId: string, event: EventName, data: Record<string, unknown>, onlyApp?: string): void {
  const s = store.s;
  const shop = s.shops[shopId];
  if (!shop) return;
  for (const grant of Object.values(s.grants)) {
    if (grant.seller_id !== shop.seller_id) continue;
    if (onlyApp ? grant.app_key !== onlyApp : grant.revoked) continue;
    const app = getApp(ctx, grant.app_key);
    if (!app) continue;
    const address = s.webhooks[app.appKey]?.[shopId]?.[event]?.address ?? app.webhookUrl;
    if (!address) continue;
    const body = JSON.stringify({ type: EVENT_TYPES[event], tts_notification_id: nextId(s, "notification"), shop_id: shopId, timestamp: sec(ctx.now()), data });
    ctx.sendWebhook({
      platform: "tiktok", url: address, body, retrySeconds: cfg(ctx).webhookRetrySeconds,
      headers: { "content-type": "application/json", authorization: webhookSignature(app.appKey, app.appSecret, body) },
      // the configuration guide lists 200 and 401 (signature rejected) as final answers; anything else is retried
      acceptStatuses: [200, 401], timeoutMs: 3000, logRoute: `webhook ${event}`, logShop: shopId, logCode: EVENT_TYPES[event],
    });
  }
  ctx.save();
}
