import { TikTokClient } from "../platforms/tiktok/client";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { TikTokOAuth } from "../platforms/tiktok/oauth";
import { guardAuthorization } from "./mark-needs-reauth";
import { tiktokConfig } from "./platform-config";
import { recordSuccessfulCall } from "./record-successful-call";
import { postgresRateLimiter } from "./tiktok-rate-limiter";
import { getAccessToken, type Refresher } from "./token-lifecycle";

export function tiktokClient(): TikTokClient {
  return new TikTokClient({ ...tiktokConfig(), limiter: postgresRateLimiter() });
}

export function tiktokOAuth(): TikTokOAuth {
  return new TikTokOAuth(tiktokConfig());
}

const refreshTikTok: Refresher = async (refreshToken) => {
  const tokens = await tiktokOAuth().refreshToken(refreshToken);
  return { ...tokens, scopes: tokens.grantedScopes };
};

/**
 * Runs `call` with a valid access token for a TikTok authorization: refreshed ahead of expiry, and
 * once more if TikTok says it expired anyway. A refusal for good marks the stores for re-authorization.
 */
export function withTikTokToken<T>(credentialId: string, call: (client: TikTokClient, accessToken: string) => Promise<T>): Promise<T> {
  return guardAuthorization(credentialId, async () => {
    const client = tiktokClient();
    const token = await getAccessToken({ credentialId, refresh: refreshTikTok });
    try {
      return await call(client, token);
    } catch (error) {
      if (!isTikTokApiError(error) || error.kind !== "authExpired") throw error;
      return call(client, await getAccessToken({ credentialId, refresh: refreshTikTok, rejectedToken: token }));
    }
  });
}

export interface TikTokShopRef {
  credentialId: string;
  connectionId: string;
}

/**
 * `withTikTokToken` for a call made for one shop (one TikTok authorization covers several): a success
 * is noted as that shop's last successful call.
 */
export async function withTikTokShop<T>({ credentialId, connectionId }: TikTokShopRef, call: (client: TikTokClient, accessToken: string) => Promise<T>): Promise<T> {
  const result = await withTikTokToken(credentialId, call);
  await recordSuccessfulCall({ credentialId, store: { connectionId } });
  return result;
}

/** Refreshes the authorization's tokens now (the scheduled refresh ahead of expiry). */
export function refreshTikTokNow(credentialId: string): Promise<string> {
  return guardAuthorization(credentialId, () => getAccessToken({ credentialId, refresh: refreshTikTok, force: true }));
}
