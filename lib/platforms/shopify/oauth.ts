// Shopify's authorization code grant for a non-embedded app, with expiring offline tokens. The state
// nonce (issue, store, single use, bind to the user and shop) belongs to the caller's generic OAuth flow.
import { shopAdminUrl, shopifyAppConfigSchema, type ShopifyAppConfig } from "./config";
import { errorFromNetwork, errorFromOAuthAnswer, ShopifyApiError } from "./errors";
import { expiringTokenResponseSchema, type ExpiringTokenResponse } from "./schemas";
import { isCanonicalShopDomain, normalizeShopDomain } from "./shop-domain";
import { constantTimeEqual, hmacSha256 } from "./signature";

const TOKEN_TIMEOUT_MS = 15_000;
/**
 * The callback's `timestamp` is when Shopify redirected the browser, which arrives seconds later; the
 * code it carries is short-lived and single-use anyway. Ten minutes back, and 90 s ahead for clock skew.
 */
export const DEFAULT_CALLBACK_MAX_AGE_SECONDS = 600;
export const CALLBACK_MAX_CLOCK_SKEW_SECONDS = 90;

export type CallbackFailure = "missing_parameter" | "repeated_parameter" | "bad_hmac" | "stale" | "bad_shop";

export class ShopifyCallbackError extends Error {
  readonly reason: CallbackFailure;
  constructor(reason: CallbackFailure, message: string) {
    super(message);
    this.name = "ShopifyCallbackError";
    this.reason = reason;
  }
}

export interface VerifiedCallback {
  shop: string;
  code: string;
  /** Compare with the nonce issued for this user and shop, then consume it. */
  state: string;
  host?: string;
  timestamp: number;
}

export interface ShopifyTokenSet {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  scopes: string[];
}

export type CallbackQuery = URLSearchParams | Record<string, string | string[] | undefined>;

function entriesOf(query: CallbackQuery): [string, string][] {
  if (query instanceof URLSearchParams) return [...query.entries()];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

/** The signed message: every parameter but hmac and signature, sorted by key, `k=v` joined with `&`. */
export function callbackMessage(params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== "hmac" && k !== "signature").sort().map((k) => `${k}=${params[k]}`).join("&");
}

/**
 * The same pairs form-encoded, as Shopify's own JavaScript library builds the message. Identical to
 * callbackMessage for the usual values; it differs only when a value holds characters such as `/` or
 * `+` (a base64 `host` can), so both are accepted: each is an HMAC with our secret over a canonical
 * form of the same parameters.
 */
function encodedCallbackMessage(params: Record<string, string>): string {
  const sorted = Object.keys(params).filter((k) => k !== "hmac" && k !== "signature").sort();
  return new URLSearchParams(sorted.map((k) => [k, params[k]!])).toString();
}

export class ShopifyOAuth {
  private readonly config: ShopifyAppConfig;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(config: ShopifyAppConfig) {
    this.config = { ...config, ...shopifyAppConfigSchema.parse(config) };
    this.fetch = config.fetch ?? globalThis.fetch;
    this.now = config.now ?? Date.now;
  }

  /** Where to send the merchant's browser. `shop` is validated again: it becomes the redirect's host. */
  authorizeUrl(options: { shop: string; state: string; redirectUri: string }): string {
    const url = new URL(`${shopAdminUrl({ adminBaseUrl: this.config.adminBaseUrl, shop: options.shop })}/admin/oauth/authorize`);
    url.searchParams.set("client_id", this.config.clientId);
    url.searchParams.set("scope", this.config.scopes.join(","));
    url.searchParams.set("redirect_uri", options.redirectUri);
    url.searchParams.set("state", options.state);
    return url.toString();
  }

  /** Checks the callback's signature, age and shop; throws ShopifyCallbackError, stores nothing. */
  verifyCallback(options: { query: CallbackQuery; now?: number; maxAgeSeconds?: number }): VerifiedCallback {
    const params: Record<string, string> = {};
    for (const [key, value] of entriesOf(options.query)) {
      if (key in params) throw new ShopifyCallbackError("repeated_parameter", `The callback repeats the parameter ${key}`);
      params[key] = value;
    }
    for (const key of ["code", "hmac", "shop", "state", "timestamp"]) {
      if (!params[key]) throw new ShopifyCallbackError("missing_parameter", `The callback lacks its ${key} parameter`);
    }
    const hmac = params.hmac!;
    const matches = [callbackMessage(params), encodedCallbackMessage(params)].some((message) =>
      constantTimeEqual({ expected: hmacSha256({ secret: this.config.clientSecret, message, encoding: "hex" }), received: hmac }),
    );
    if (!matches) throw new ShopifyCallbackError("bad_hmac", "The callback's signature does not match");

    const timestamp = /^\d{1,12}$/.test(params.timestamp!) ? Number(params.timestamp) : NaN;
    const nowSeconds = (options.now ?? this.now()) / 1000;
    const maxAge = options.maxAgeSeconds ?? DEFAULT_CALLBACK_MAX_AGE_SECONDS;
    if (!Number.isFinite(timestamp) || nowSeconds - timestamp > maxAge || timestamp - nowSeconds > CALLBACK_MAX_CLOCK_SKEW_SECONDS) {
      throw new ShopifyCallbackError("stale", "The callback is too old (or dated in the future); start the connection again");
    }
    // Shopify sends the canonical domain; anything else is refused, not normalised.
    if (!isCanonicalShopDomain(params.shop!)) throw new ShopifyCallbackError("bad_shop", "The callback names an invalid shop");
    return { shop: params.shop!, code: params.code!, state: params.state!, host: params.host, timestamp };
  }

  /** Exchanges the callback's code for an expiring offline token and its rotating refresh token. */
  async exchangeCode(options: { shop: string; code: string }): Promise<ShopifyTokenSet> {
    return this.tokenRequest({ shop: options.shop, params: { code: options.code, expiring: "1" } });
  }

  /** Refresh tokens rotate: the one passed stops working, so store the returned pair before anything else. */
  async refreshAccessToken(options: { shop: string; refreshToken: string }): Promise<ShopifyTokenSet> {
    return this.tokenRequest({ shop: options.shop, params: { grant_type: "refresh_token", refresh_token: options.refreshToken } });
  }

  /** The requested scopes the grant lacks (a `write_` scope includes its `read_`). */
  missingScopes(granted: readonly string[]): string[] {
    const has = new Set(granted);
    return this.config.scopes.filter((s) => !has.has(s) && !(s.startsWith("read_") && has.has(`write_${s.slice(5)}`)));
  }

  private async tokenRequest(options: { shop: string; params: Record<string, string> }): Promise<ShopifyTokenSet> {
    const shop = normalizeShopDomain(options.shop);
    const url = `${shopAdminUrl({ adminBaseUrl: this.config.adminBaseUrl, shop })}/admin/oauth/access_token`;
    const body = new URLSearchParams({ client_id: this.config.clientId, client_secret: this.config.clientSecret, ...options.params });
    let status: number;
    let payload: unknown = null;
    let retryAfter: string | null = null;
    try {
      const res = await this.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: body.toString(),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
        // Never follow: a redirect would carry the access token (or client secret) to another host.
        redirect: "manual",
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      const text = await res.text();
      try {
        payload = text === "" ? null : JSON.parse(text);
      } catch {
        payload = text;
      }
    } catch (cause) {
      throw errorFromNetwork({ cause, what: `Shopify's token endpoint for ${shop}` });
    }
    if (status !== 200) throw errorFromOAuthAnswer({ status, body: payload, retryAfter });
    const parsed = expiringTokenResponseSchema.safeParse(payload);
    if (!parsed.success) {
      // A 200 without refresh_token is a non-expiring token: not what we asked for with expiring=1.
      throw new ShopifyApiError({ kind: "unexpected", status, message: `Shopify's token endpoint answered outside the expiring-token contract: ${parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}` });
    }
    return this.toTokenSet(parsed.data);
  }

  private toTokenSet(token: ExpiringTokenResponse): ShopifyTokenSet {
    const now = this.now();
    return {
      accessToken: token.access_token,
      accessTokenExpiresAt: new Date(now + token.expires_in * 1000),
      refreshToken: token.refresh_token,
      refreshTokenExpiresAt: new Date(now + token.refresh_token_expires_in * 1000),
      scopes: token.scope.split(",").map((s) => s.trim()).filter(Boolean),
    };
  }
}
