import type { z } from "zod";
import { resolveTikTokConfig, type ResolvedTikTokConfig, type TikTokConfig } from "./config";
import { fillPath, isIdempotent, TIKTOK_ENDPOINTS, type TikTokEndpoint } from "./endpoints";
import { isTikTokApiError, TikTokApiError } from "./errors";
import { withRetries, type RetryPolicy } from "./retry";
import type { TikTokShop, TikTokShopWebhook } from "./schemas";
import { signTikTokRequest } from "./sign";
import { sendTikTokRequest } from "./transport";
import type { TikTokWebhookTopic } from "./webhooks";

/**
 * TikTok limits each endpoint per app and shop (about 50 requests/s). The limiter reserves a slot for
 * a key and answers how long to wait first; the app backs it with Postgres so every instance shares it.
 */
/** How late after its slot a call may still be sent (see awaitSlot). */
export const LATE_SLOT_MS = 50;
const MAX_SLOT_ATTEMPTS = 5;
/** How long every caller holds off a key after TikTok refused a call on it for throttling. */
export const THROTTLED_PAUSE_MS = 250;

export interface TikTokRateLimiter {
  reserve(key: string): Promise<number>;
  /** TikTok answered 429 on the key: hold every caller of it off for `ms`, not only the refused call. */
  pause?(key: string, ms: number): Promise<void>;
}

export interface TikTokClientOptions extends TikTokConfig {
  /** Per attempt. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  limiter?: TikTokRateLimiter;
  sleep?: (ms: number) => Promise<void>;
}

export interface TikTokCallOptions<S extends z.ZodType> {
  endpoint: TikTokEndpoint<S>;
  accessToken: string;
  shopCipher?: string;
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A multipart/form-data body (uploads), sent instead of `body` and left out of the signature. */
  form?: FormData;
  signal?: AbortSignal;
}

export interface ShopScopedOptions {
  accessToken: string;
  shopCipher: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;
// Set by request() itself; a caller passing them would change what is signed.
const RESERVED_QUERY = new Set(["app_key", "timestamp", "sign", "shop_cipher", "access_token"]);

/** TikTok Shop Open API client: every method goes through the one private request(). */
export class TikTokClient {
  private readonly config: ResolvedTikTokConfig;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy | undefined;
  private readonly limiter: TikTokRateLimiter | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  /**
   * Waits for a slot. A call that wakes more than LATE_SLOT_MS after its slot (a busy event loop, a long
   * pause) gives the slot up and reserves another: sent late, it would land in the same second as the
   * calls reserved after it and push that second over the platform's limit.
   */
  private async awaitSlot(key: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const wait = await this.limiter!.reserve(key);
      const due = performance.now() + wait;
      if (wait > 0) await this.sleep(wait);
      if (performance.now() - due <= LATE_SLOT_MS || attempt === MAX_SLOT_ATTEMPTS) return;
    }
  }

  constructor({ timeoutMs, retry, limiter, sleep, ...config }: TikTokClientOptions) {
    this.config = resolveTikTokConfig(config);
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = retry;
    this.limiter = limiter;
    this.sleep = sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Any documented endpoint, declared with defineEndpoint(); per-item failures come back in the data, not thrown. */
  call<S extends z.ZodType>(options: TikTokCallOptions<S>): Promise<z.output<S>> {
    return this.request(options);
  }

  /** The shops the seller's token covers; one token can cover several shops (cross-border sellers). */
  async getAuthorizedShops(accessToken: string): Promise<TikTokShop[]> {
    const data = await this.request({ endpoint: TIKTOK_ENDPOINTS.getAuthorizedShops, accessToken });
    return data.shops;
  }

  async listWebhooks({ accessToken, shopCipher }: ShopScopedOptions): Promise<TikTokShopWebhook[]> {
    const data = await this.request({ endpoint: TIKTOK_ENDPOINTS.getShopWebhooks, accessToken, shopCipher });
    return data.webhooks;
  }

  /** Subscribe the shop's topic to an address (one address per app, shop and topic; the real API wants https). */
  async updateWebhook({ eventType, address, ...shop }: ShopScopedOptions & { eventType: TikTokWebhookTopic; address: string }): Promise<void> {
    await this.request({ endpoint: TIKTOK_ENDPOINTS.updateShopWebhook, ...shop, body: { address, event_type: eventType } });
  }

  /** TikTok answers success whether or not the topic was subscribed. */
  async deleteWebhook({ eventType, ...shop }: ShopScopedOptions & { eventType: TikTokWebhookTopic }): Promise<void> {
    await this.request({ endpoint: TIKTOK_ENDPOINTS.deleteShopWebhook, ...shop, body: { event_type: eventType } });
  }

  private async request<S extends z.ZodType>(options: TikTokCallOptions<S>): Promise<z.output<S>> {
    const { endpoint, accessToken, shopCipher, signal } = options;
    checkShopCipher({ endpoint, shopCipher });
    const { apiBaseUrl, appKey, appSecret, now, fetch } = this.config;
    const path = fillPath({ template: endpoint.path, params: options.pathParams });
    const label = `${endpoint.method} ${path}`;
    if (options.form && options.body !== undefined) throw new Error(`${label}: send a body or a form, not both`);
    const body = options.body === undefined ? "" : JSON.stringify(options.body);
    const form = options.form;
    const extraQuery = toQueryStrings(options.query);

    const { data, requestId } = await withRetries({
      policy: this.retry,
      shouldRetry: (error) => error.rateLimited || (error.retryable && isIdempotent(endpoint)),
      run: async () => {
        const limitKey = `${appKey}|${shopCipher ?? "-"}|${endpoint.method} ${endpoint.path}`;
        if (this.limiter) await this.awaitSlot(limitKey);
        // signed per attempt: TikTok accepts a timestamp at most 5 minutes old
        const query: Record<string, string> = { ...extraQuery, app_key: appKey, timestamp: String(Math.floor(now() / 1000)) };
        if (shopCipher) query.shop_cipher = shopCipher;
        const sign = form ? signTikTokRequest({ appSecret, path, query, contentType: "multipart/form-data" }) : signTikTokRequest({ appSecret, path, query, body });
        try {
          return await sendTikTokRequest({
            fetch,
            url: `${apiBaseUrl}${path}?${new URLSearchParams({ ...query, sign })}`,
            method: endpoint.method,
            // fetch sets a form's content-type itself, with its boundary
            headers: form ? { "x-tts-access-token": accessToken } : { "content-type": "application/json", "x-tts-access-token": accessToken },
            body: form ?? body,
            timeoutMs: this.timeoutMs,
            endpoint: label,
            source: "api",
            signal,
          });
        } catch (error) {
          // a refusal means calls on the key are arriving faster than TikTok counts them: the calls queued behind
          // this one would be refused too, so they wait with it (the refused call itself retries with backoff)
          if (isTikTokApiError(error) && error.rateLimited) await this.limiter?.pause?.(limitKey, THROTTLED_PAUSE_MS);
          throw error;
        }
      },
    });

    const parsed = endpoint.data.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`).join("; ");
      throw new TikTokApiError({ kind: "unexpected", code: null, platformMessage: `unexpected answer shape: ${issues}`, requestId, httpStatus: 200, endpoint: label, cause: parsed.error });
    }
    return parsed.data;
  }
}

function checkShopCipher({ endpoint, shopCipher }: { endpoint: TikTokEndpoint<z.ZodType>; shopCipher?: string }): void {
  if (endpoint.shopCipher === "required" && !shopCipher) throw new Error(`${endpoint.method} ${endpoint.path} needs a shop_cipher`);
  if (endpoint.shopCipher === "forbidden" && shopCipher) throw new Error(`${endpoint.method} ${endpoint.path} must be called without a shop_cipher`);
}

function toQueryStrings(query: TikTokCallOptions<z.ZodType>["query"] = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (RESERVED_QUERY.has(key)) throw new Error(`query parameter ${key} is set by the TikTok client`);
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}
