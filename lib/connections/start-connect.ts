import type { OrgContext } from "../auth/org-access";
import { AppError } from "../errors";
import { checkShopDomain } from "../platforms/shopify/shop-domain";
import { shopifyAuthorizeUrl } from "./shopify-session";
import { createOAuthState } from "./oauth-state";
import { shopifyConfig, tiktokConfig } from "./platform-config";
import { tiktokOAuth } from "./tiktok-session";

/** "Connect Shopify": validates the typed domain and returns Shopify's install page for it. */
export async function startShopifyConnect({ org, shop }: { org: OrgContext; shop: string }): Promise<{ authorizeUrl: string }> {
  shopifyConfig();
  const checked = checkShopDomain(shop);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message);
  const domain = checked.shop;
  const state = await createOAuthState({ org, platform: "SHOPIFY", shop: domain });
  return { authorizeUrl: shopifyAuthorizeUrl({ shop: domain, state }) };
}

/** "Connect TikTok Shop": TikTok's seller authorization page with our single-use state. */
export async function startTikTokConnect({ org }: { org: OrgContext }): Promise<{ authorizeUrl: string }> {
  tiktokConfig();
  const state = await createOAuthState({ org, platform: "TIKTOK" });
  return { authorizeUrl: tiktokOAuth().authorizationUrl({ state }) };
}
