import { ShopifyAdminClient } from "../platforms/shopify/client";
import { isShopifyApiError } from "../platforms/shopify/errors";
import { ShopifyOAuth } from "../platforms/shopify/oauth";
import { guardAuthorization, isRefusedForGood } from "./mark-needs-reauth";
import { appUrls, shopifyConfig } from "./platform-config";
import { recordSuccessfulCall } from "./record-successful-call";
import { postgresCostBudget } from "./shopify-cost-budget";
import { getAccessToken, type Refresher } from "./token-lifecycle";

export function shopifyOAuth(): ShopifyOAuth {
  const config = shopifyConfig();
  return new ShopifyOAuth({ ...config, scopes: config.scopes.split(",").map((s) => s.trim()).filter(Boolean) });
}

export function shopifyAuthorizeUrl({ shop, state }: { shop: string; state: string }): string {
  return shopifyOAuth().authorizeUrl({ shop, state, redirectUri: appUrls().shopifyRedirect });
}

function refresherFor(shop: string): Refresher {
  return (refreshToken) => shopifyOAuth().refreshAccessToken({ shop, refreshToken });
}

export interface ShopifyStoreRef {
  credentialId: string;
  shop: string;
}

/**
 * Runs `call` with an Admin client for the store: the token is refreshed ahead of expiry (under the
 * credential's row lock) and once more if Shopify answers 401. A refusal for good marks the store
 * for re-authorization. A success is noted as the store's last successful call.
 */
export function withShopifyClient<T>({ credentialId, shop }: ShopifyStoreRef, call: (client: ShopifyAdminClient) => Promise<T>): Promise<T> {
  const refresh = refresherFor(shop);
  return guardAuthorization(credentialId, async () => {
    const accessToken = await getAccessToken({ credentialId, refresh });
    const client = new ShopifyAdminClient({
      adminBaseUrl: shopifyConfig().adminBaseUrl,
      shop,
      accessToken,
      budget: postgresCostBudget,
      onAuthExpired: () => getAccessToken({ credentialId, refresh, rejectedToken: accessToken }),
    });
    const result = await call(client);
    await recordSuccessfulCall({ credentialId, store: { shop } });
    return result;
  });
}

/** Refreshes the store's tokens now (the scheduled refresh ahead of the refresh token's expiry). */
export function refreshShopifyNow({ credentialId, shop }: ShopifyStoreRef): Promise<string> {
  return guardAuthorization(credentialId, () => getAccessToken({ credentialId, refresh: refresherFor(shop), force: true }));
}

/**
 * Whether Shopify still accepts the store's authorization (refreshing the token if it is due). Shopify
 * revokes an app's tokens the moment it is uninstalled, so this confirms an app/uninstalled webhook: a
 * replayed or late one for a store installed again finds the token working. Unlike withShopifyClient
 * it marks nothing when the answer is no; the caller decides.
 */
export async function isShopifyAppInstalled({ credentialId, shop }: ShopifyStoreRef): Promise<boolean> {
  const refresh = refresherFor(shop);
  try {
    const accessToken = await getAccessToken({ credentialId, refresh });
    const client = new ShopifyAdminClient({
      adminBaseUrl: shopifyConfig().adminBaseUrl,
      shop,
      accessToken,
      budget: postgresCostBudget,
      onAuthExpired: () => getAccessToken({ credentialId, refresh, rejectedToken: accessToken }),
    });
    await client.getShop();
    return true;
  } catch (error) {
    if (isRefusedForGood(error) || isShopifyApiError(error, "authExpired")) return false;
    throw error;
  }
}
