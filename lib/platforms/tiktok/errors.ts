/**
 * What the caller should do about a failed TikTok Shop call:
 * - retryable: transient (internal error, gateway timeout, 5xx, network failure, our own timeout); try again later.
 * - rateLimited: over TikTok's per-endpoint, per-app-and-shop quota; wait `retryAfterMs`, then try again.
 * - authExpired: the access token expired; refresh it and repeat the call.
 * - needsReauthorization: the seller must authorize the app again (missing scope, revoked or unknown token or grant).
 * - userFixable: TikTok refused the request for a reason the merchant can act on; show TikTok's message.
 * - unexpected: our own mistake or configuration (bad signature, bad app key, bad path, unexpected answer); log it.
 */
export type TikTokErrorKind = "retryable" | "rateLimited" | "authExpired" | "needsReauthorization" | "userFixable" | "unexpected";

/** Which TikTok service answered: the Open API gateway or the token service (auth host). */
export type TikTokErrorSource = "api" | "token";

export interface TikTokApiErrorOptions {
  kind: TikTokErrorKind;
  /** TikTok's `code`; null when no envelope came back (network failure, timeout, a non-JSON answer). */
  code: number | null;
  platformMessage: string;
  requestId: string | null;
  httpStatus: number | null;
  /** `METHOD /path` without query (never carries credentials). */
  endpoint: string;
  retryAfterMs?: number | null;
  /** The envelope's `data`, when TikTok sent one with the error. */
  details?: unknown;
  cause?: unknown;
}

export class TikTokApiError extends Error {
  readonly kind: TikTokErrorKind;
  readonly code: number | null;
  readonly platformMessage: string;
  readonly requestId: string | null;
  readonly httpStatus: number | null;
  readonly endpoint: string;
  readonly retryAfterMs: number | null;
  readonly details: unknown;

  constructor(options: TikTokApiErrorOptions) {
    const code = options.code === null ? "" : ` (${options.code})`;
    super(`TikTok Shop ${options.endpoint} failed${code}: ${options.platformMessage}`, { cause: options.cause });
    this.name = "TikTokApiError";
    this.kind = options.kind;
    this.code = options.code;
    this.platformMessage = options.platformMessage;
    this.requestId = options.requestId;
    this.httpStatus = options.httpStatus;
    this.endpoint = options.endpoint;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.details = options.details;
  }

  get retryable(): boolean { return this.kind === "retryable"; }
  get rateLimited(): boolean { return this.kind === "rateLimited"; }
  get authExpired(): boolean { return this.kind === "authExpired"; }
  get needsReauthorization(): boolean { return this.kind === "needsReauthorization"; }
  get userFixable(): boolean { return this.kind === "userFixable"; }
}

export function isTikTokApiError(error: unknown): error is TikTokApiError {
  return error instanceof TikTokApiError;
}

// Codes from TikTok's common-errors and rate-limit guides and PLATFORMS.md.
const BY_CODE: Record<number, TikTokErrorKind> = {
  36009002: "rateLimited",
  36009003: "retryable", // internal error: "please try again"
  36009007: "retryable", // request timeout
  105002: "authExpired",
  105005: "needsReauthorization", // a scope the token was not granted
  101000: "needsReauthorization", // the token does not cover this shop (any more)
  106001: "unexpected", // our signature is wrong: a bug or a wrong app secret
  106013: "unexpected", // shop_cipher missing: the endpoint table is wrong
  36009009: "unexpected", // invalid path
  36009010: "unexpected", // invalid method
  36009014: "unexpected", // invalid version
  36009022: "unexpected", // body is not JSON
  36009023: "unexpected", // should have been multipart
  36009033: "unexpected", // our IP is not in the app's allow list
  12052180: "unexpected", // search past 10,000 results: callers must window by update_time
  12052038: "userFixable", // price locked by a promotion
  12019045: "userFixable", // price locked by a promotion
  12019028: "userFixable", // a multi-warehouse shop must send every warehouse
};

export interface ClassifyTikTokFailureOptions {
  code: number | null;
  message: string;
  httpStatus: number | null;
  source: TikTokErrorSource;
}

/** Decide the kind of a failure from TikTok's code, its message and the HTTP status. */
export function classifyTikTokFailure({ code, message, httpStatus, source }: ClassifyTikTokFailureOptions): TikTokErrorKind {
  if (httpStatus === 429) return "rateLimited";
  if (code !== null && BY_CODE[code]) return BY_CODE[code];
  // The token service's grant errors are undocumented; they are observed in the 36004xxx range (36004001 refresh
  // token expired, 36004004 bad auth code, 36004005 no such authorization): the seller has to authorize again.
  if (source === "token" && code !== null && code >= 36004000 && code < 36005000) return "needsReauthorization";
  if (code === 36009004) return classifyBadRequest({ message, source });
  if (httpStatus !== null && httpStatus >= 500) return "retryable";
  if (code === null) return httpStatus === null ? "retryable" : "unexpected";
  if (httpStatus === 401 || httpStatus === 403) return "unexpected";
  // Other business codes come with HTTP 200 and a message written for the seller (wrong currency, tracking already
  // edited, …); assumed fixable by the merchant, since TikTok documents hundreds of them per endpoint.
  return "userFixable";
}

// 36009004 is a family: credentials, timestamps and identifiers share it with plain bad input; the message tells them apart.
function classifyBadRequest({ message, source }: { message: string; source: TikTokErrorSource }): TikTokErrorKind {
  if (/access[_ -]?token/i.test(message)) return "needsReauthorization";
  if (source === "token" || /app_key|app_secret|signature|\bsign\b|timestamp|identifier|version/i.test(message)) return "unexpected";
  return "userFixable";
}
