import { isShopifyApiError, type ShopifyErrorKind } from "../platforms/shopify/errors";
import { isTikTokApiError, type TikTokErrorKind } from "../platforms/tiktok/errors";

// Why a background job gave up, in words a merchant can act on. Raw error text never reaches
// Activity: platform messages can quote request data, and unexpected errors can hold anything.
//
// A job's failure reaches its onFailure handler as a plain { name, message } rebuilt from JSON
// (the class and its fields are lost on the way), so steps hand platform errors over as a
// `JobFailure` whose message is one of the codes below (inngest/classify-step-errors.ts).

export const JOB_FAILURE_NAME = "JobFailure";

const REAUTHORIZE = "Re-authorize the store under Connections.";

const REASONS = {
  "shopify.retryable": { reason: "Shopify did not answer in time or had an internal error" },
  "shopify.throttled": { reason: "Shopify kept asking Ferry to slow down (its API rate limit)" },
  "shopify.authExpired": { reason: "Shopify refused the store's access token", action: REAUTHORIZE },
  "shopify.needsReauthorization": { reason: "Shopify no longer accepts Ferry's authorization for this store", action: REAUTHORIZE },
  "shopify.userFixable": { reason: "Shopify refused the request because of the store's data or state (for example a frozen or locked store)", action: "Check the store in Shopify admin." },
  "shopify.unexpected": { reason: "Shopify answered in a way Ferry did not expect" },
  "tiktok.retryable": { reason: "TikTok Shop did not answer in time or had an internal error" },
  "tiktok.rateLimited": { reason: "TikTok Shop kept asking Ferry to slow down (its API rate limit)" },
  "tiktok.authExpired": { reason: "TikTok Shop refused the shop's access token", action: REAUTHORIZE },
  "tiktok.needsReauthorization": { reason: "TikTok Shop no longer accepts Ferry's authorization for this shop", action: REAUTHORIZE },
  "tiktok.userFixable": { reason: "TikTok Shop refused the request because of the shop's data or settings", action: "Check the shop in TikTok Shop Seller Center." },
  "tiktok.unexpected": { reason: "TikTok Shop answered in a way Ferry did not expect" },
} as const satisfies Record<`shopify.${ShopifyErrorKind}` | `tiktok.${TikTokErrorKind}`, { reason: string; action?: string }>;

export type JobFailureCode = keyof typeof REASONS;

export interface JobFailureReason {
  reason: string;
  /** What the merchant can do about this reason; when absent, the job's own next step applies. */
  action?: string;
}

/** The code for a platform error, or null when the error is not one. */
export function jobFailureCode(error: unknown): JobFailureCode | null {
  if (isShopifyApiError(error)) return `shopify.${error.kind}` as const;
  if (isTikTokApiError(error)) return `tiktok.${error.kind}` as const;
  return null;
}

function isCode(value: unknown): value is JobFailureCode {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

function field(error: unknown, key: "name" | "message"): string | undefined {
  if (typeof error !== "object" || error === null || !(key in error)) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

export interface DescribeJobFailureOptions {
  error: unknown;
  /** Where to find the details (the failed run's id): named for unexpected errors. */
  reference?: string;
}

/**
 * The merchant-readable reason for a job failure: a platform error by its kind; an AppError by its
 * message (written for users); anything else as an unexpected error with a reference.
 */
export function describeJobFailure({ error, reference }: DescribeJobFailureOptions): JobFailureReason {
  const live = jobFailureCode(error);
  if (live) return REASONS[live];
  const name = field(error, "name");
  const message = field(error, "message");
  if (name === JOB_FAILURE_NAME && isCode(message)) return REASONS[message];
  if (name === "AppError" && message) return { reason: message.replace(/[.\s]+$/, "").slice(0, 300) };
  return { reason: `an unexpected error${reference ? ` (reference ${reference})` : ""}` };
}

/** A platform error handed from a step to the job's onFailure: its message is the code. */
export class JobFailure extends Error {
  constructor({ code, cause }: { code: JobFailureCode; cause?: unknown }) {
    super(code, { cause });
    this.name = JOB_FAILURE_NAME;
  }
}
