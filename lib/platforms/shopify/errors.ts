// One error type for every Shopify call, classified by what the caller should do about it.
import { z } from "zod";

/**
 * - retryable: 5xx, network failure, timeout: try again later (the job runner's backoff).
 * - throttled: THROTTLED or 429: wait for the bucket to refill, then try again.
 * - authExpired: 401: refresh the access token, then retry once.
 * - needsReauthorization: the grant is gone (invalid_grant, revoked, uninstalled, missing scope):
 *   stop work for this shop and ask the merchant to re-authorize.
 * - userFixable: Shopify refused the input (userErrors) or the store itself is frozen or locked.
 * - unexpected: our request or configuration is wrong, or Shopify answered outside its contract.
 */
export const SHOPIFY_ERROR_KINDS = ["retryable", "throttled", "authExpired", "needsReauthorization", "userFixable", "unexpected"] as const;
export type ShopifyErrorKind = (typeof SHOPIFY_ERROR_KINDS)[number];

export const userErrorSchema = z.object({ field: z.array(z.string()).nullish(), message: z.string() });
export type ShopifyUserError = z.infer<typeof userErrorSchema>;

export interface ShopifyApiErrorOptions {
  kind: ShopifyErrorKind;
  message: string;
  status?: number;
  code?: string;
  userErrors?: ShopifyUserError[];
  retryAfterMs?: number;
  cause?: unknown;
}

export class ShopifyApiError extends Error {
  readonly kind: ShopifyErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly userErrors: ShopifyUserError[];
  readonly retryAfterMs?: number;

  constructor(options: ShopifyApiErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = "ShopifyApiError";
    this.kind = options.kind;
    this.status = options.status;
    this.code = options.code;
    this.userErrors = options.userErrors ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Worth trying again later without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === "retryable" || this.kind === "throttled";
  }
}

export function isShopifyApiError(error: unknown, kind?: ShopifyErrorKind): error is ShopifyApiError {
  return error instanceof ShopifyApiError && (kind === undefined || error.kind === kind);
}

const graphqlErrorSchema = z.object({
  message: z.string().optional(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
}).loose();
const errorsSchema = z.union([z.array(graphqlErrorSchema), z.string(), z.record(z.string(), z.unknown())]);
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() }).loose();

/** HTTP status → kind, for answers that are not a 200. */
export function kindForStatus(status: number): ShopifyErrorKind {
  if (status === 401) return "authExpired";
  // Shopify answers 403 when the token lacks a scope the call needs; a new grant fixes it.
  if (status === 403) return "needsReauthorization";
  // 402: the store is frozen for an unpaid bill; 423: the store is locked. Only the merchant can fix either.
  if (status === 402 || status === 423) return "userFixable";
  if (status === 429) return "throttled";
  if (status >= 500 || status === 408) return "retryable";
  return "unexpected";
}

/** GraphQL `extensions.code` → kind, for errors inside an HTTP 200. */
export function kindForGraphqlCode(code: string | undefined): ShopifyErrorKind {
  switch (code) {
    case "THROTTLED":
      return "throttled";
    case "INTERNAL_SERVER_ERROR":
    case "TIMEOUT":
    case "SERVICE_UNAVAILABLE":
      return "retryable";
    case "ACCESS_DENIED":
      return "needsReauthorization";
    case "SHOP_INACTIVE":
      return "userFixable";
    default:
      return "unexpected";
  }
}

function messagesOf(errors: unknown): string | undefined {
  const parsed = errorsSchema.safeParse(errors);
  if (!parsed.success) return undefined;
  if (typeof parsed.data === "string") return parsed.data;
  if (Array.isArray(parsed.data)) return parsed.data.map((e) => e.message ?? e.extensions?.code ?? "error").join("; ");
  return Object.entries(parsed.data).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ");
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  retryAfter?: string | null;
  operation?: string;
}

/** The error an Admin GraphQL answer carries, or null when it is a success with data. */
export function errorFromGraphqlAnswer(answer: GraphqlAnswer): ShopifyApiError | null {
  const { status, body } = answer;
  const where = answer.operation ? `Shopify ${answer.operation}` : "Shopify Admin API";
  const errors = typeof body === "object" && body !== null ? (body as { errors?: unknown }).errors : undefined;
  if (status !== 200) {
    const detail = messagesOf(errors) ?? (typeof body === "string" && body.length < 200 ? body : undefined);
    return new ShopifyApiError({
      kind: kindForStatus(status), status, retryAfterMs: retryAfterMs(answer.retryAfter),
      message: `${where} answered HTTP ${status}${detail ? `: ${detail}` : ""}`,
    });
  }
  const list = z.array(graphqlErrorSchema).safeParse(errors);
  if (list.success && list.data.length > 0) {
    const codes = list.data.map((e) => e.extensions?.code);
    // The most actionable code wins when several errors come back together.
    const order: ShopifyErrorKind[] = ["throttled", "retryable", "needsReauthorization", "userFixable", "unexpected"];
    const kinds = codes.map(kindForGraphqlCode);
    const kind = order.find((k) => kinds.includes(k)) ?? "unexpected";
    const code = codes[kinds.indexOf(kind)];
    return new ShopifyApiError({ kind, status, code, message: `${where} failed: ${messagesOf(list.data)}` });
  }
  if (errors !== undefined && !(Array.isArray(errors) && errors.length === 0)) {
    return new ShopifyApiError({ kind: "unexpected", status, message: `${where} failed: ${messagesOf(errors) ?? "unreadable errors"}` });
  }
  const data = typeof body === "object" && body !== null ? (body as { data?: unknown }).data : undefined;
  if (data === undefined || data === null) return new ShopifyApiError({ kind: "unexpected", status, message: `${where} answered without data` });
  return null;
}

/** The token endpoint's failure (anything but a 200 with tokens). */
export function errorFromOAuthAnswer(answer: { status: number; body: unknown; retryAfter?: string | null }): ShopifyApiError {
  const { status, body } = answer;
  const parsed = oauthErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const description = parsed.success ? parsed.data.error_description : messagesOf((body as { errors?: unknown } | null)?.errors);
  const message = `Shopify's token endpoint answered HTTP ${status}${code ? ` ${code}` : ""}${description ? `: ${description}` : ""}`;
  let kind: ShopifyErrorKind;
  if (status >= 500 || status === 429) kind = kindForStatus(status);
  // invalid_grant: the refresh token is used, expired or revoked (the app was uninstalled).
  // invalid_request: the authorization code is unknown, expired or already used; only a new install yields another.
  else if (code === "invalid_grant" || code === "invalid_request" || code === "access_denied" || /revoked|uninstall/i.test(description ?? "")) kind = "needsReauthorization";
  // A shop that no longer exists (closed or deleted) has no token endpoint.
  else if (status === 404) kind = "needsReauthorization";
  // invalid_client, unsupported_grant_type: our client id or secret or request is wrong.
  else kind = "unexpected";
  return new ShopifyApiError({ kind, status, code, message, retryAfterMs: retryAfterMs(answer.retryAfter) });
}

/** fetch threw: no answer at all. */
export function errorFromNetwork(options: { cause: unknown; what: string }): ShopifyApiError {
  const { cause } = options;
  const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  const reason = timedOut ? "timed out" : `failed: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new ShopifyApiError({ kind: "retryable", code: timedOut ? "TIMEOUT" : "NETWORK", message: `${options.what} ${reason}`, cause });
}

/** A mutation's userErrors, or null when there are none. */
export function errorFromUserErrors(options: { operation: string; userErrors: ShopifyUserError[] }): ShopifyApiError | null {
  if (options.userErrors.length === 0) return null;
  const text = options.userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; ");
  return new ShopifyApiError({ kind: "userFixable", code: "USER_ERRORS", userErrors: options.userErrors, message: `Shopify refused ${options.operation}: ${text}` });
}
