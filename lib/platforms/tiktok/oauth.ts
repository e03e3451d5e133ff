import { resolveTikTokConfig, type ResolvedTikTokConfig, type TikTokConfig } from "./config";
import { TikTokApiError } from "./errors";
import { withRetries, type RetryPolicy } from "./retry";
import { tiktokTokenSchema, type TikTokTokens } from "./schemas";
import { sendTikTokRequest } from "./transport";

export interface TikTokOAuthOptions extends TikTokConfig {
  timeoutMs?: number;
  retry?: RetryPolicy;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Seller authorization: TikTok's consent page, then the token service on the auth host. The caller owns the
 * `state` nonce (single use, stored server-side) and the storage of the tokens.
 */
export class TikTokOAuth {
  private readonly config: ResolvedTikTokConfig;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy | undefined;

  constructor({ timeoutMs, retry, ...config }: TikTokOAuthOptions) {
    this.config = resolveTikTokConfig(config);
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = retry;
  }

  /** The seller authorization page; TikTok redirects to the app's registered redirect URL with `code` and `state`. */
  authorizationUrl({ state }: { state: string }): string {
    const url = new URL(this.config.authorizeUrl);
    url.searchParams.set("service_id", this.config.serviceId);
    url.searchParams.set("state", state);
    return url.toString();
  }

  /** The auth code lives 30 minutes and works once. */
  exchangeCode(code: string): Promise<TikTokTokens> {
    return this.token({ path: "/api/v2/token/get", params: { auth_code: code, grant_type: "authorized_code" } });
  }

  /** Refresh tokens rotate: store both new tokens at once, the one passed in stops working. */
  refreshToken(refreshToken: string): Promise<TikTokTokens> {
    return this.token({ path: "/api/v2/token/refresh", params: { refresh_token: refreshToken, grant_type: "refresh_token" } });
  }

  private async token({ path, params }: { path: string; params: Record<string, string> }): Promise<TikTokTokens> {
    const { authBaseUrl, appKey, appSecret, fetch } = this.config;
    const endpoint = `GET ${path}`;
    // TikTok's token service takes the app secret in the query of a GET; the URL must never reach a log or an error.
    const url = `${authBaseUrl}${path}?${new URLSearchParams({ app_key: appKey, app_secret: appSecret, ...params })}`;
    const { data, requestId } = await withRetries({
      policy: this.retry,
      // Only a rate-limited call was surely refused unread: a code or refresh token spent by a call whose answer was
      // lost cannot be spent again, so other failures are not repeated here.
      shouldRetry: (error) => error.rateLimited,
      run: () => sendTikTokRequest({ fetch, url, method: "GET", headers: { accept: "application/json" }, timeoutMs: this.timeoutMs, endpoint, source: "token" }),
    });
    const parsed = tiktokTokenSchema.safeParse(data);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "data"))].join(", ");
      throw new TikTokApiError({ kind: "unexpected", code: null, platformMessage: `unexpected token answer (fields: ${fields})`, requestId, httpStatus: 200, endpoint });
    }
    return parsed.data;
  }
}
