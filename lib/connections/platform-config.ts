import { env } from "../env";
import { AppError } from "../errors";
import type { TikTokConfig } from "../platforms/tiktok/config";

// The platform clients take their configuration as arguments; this is where the app builds it from
// the validated environment. Every redirect and webhook address derives from APP_URL.

export function appUrls() {
  const base = env().APP_URL;
  return {
    shopifyRedirect: `${base}/api/connect/shopify/callback`,
    tiktokRedirect: `${base}/api/connect/tiktok/callback`,
    shopifyWebhooks: `${base}/api/webhooks/shopify`,
    shopifyCompliance: `${base}/api/webhooks/shopify/compliance`,
    tiktokWebhooks: `${base}/api/webhooks/tiktok`,
  };
}

export function tiktokConfig(): TikTokConfig {
  const e = env();
  if (!e.TIKTOK_APP_KEY || !e.TIKTOK_APP_SECRET) {
    throw new AppError("CONFLICT", "TikTok Shop is not configured on this Ferry server (TIKTOK_APP_KEY and TIKTOK_APP_SECRET). Ask your administrator.");
  }
  return {
    apiBaseUrl: e.TIKTOK_API_BASE_URL,
    authBaseUrl: e.TIKTOK_AUTH_BASE_URL,
    authorizeUrl: e.TIKTOK_AUTHORIZE_URL,
    appKey: e.TIKTOK_APP_KEY,
    appSecret: e.TIKTOK_APP_SECRET,
    serviceId: e.TIKTOK_SERVICE_ID ?? e.TIKTOK_APP_KEY,
  };
}

export interface ShopifyAppConfig {
  adminBaseUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

export function shopifyConfig(): ShopifyAppConfig {
  const e = env();
  if (!e.SHOPIFY_CLIENT_ID || !e.SHOPIFY_CLIENT_SECRET) {
    throw new AppError("CONFLICT", "Shopify is not configured on this Ferry server (SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET). Ask your administrator.");
  }
  return { adminBaseUrl: e.SHOPIFY_ADMIN_BASE_URL, clientId: e.SHOPIFY_CLIENT_ID, clientSecret: e.SHOPIFY_CLIENT_SECRET, scopes: e.SHOPIFY_SCOPES };
}
