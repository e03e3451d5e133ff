import { isTikTokApiError, type TikTokApiError } from "./errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected by tests so backoff costs no real time. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1); injected by tests for exact delays. */
  random?: () => number;
}

export const DEFAULT_RETRY_POLICY: Required<RetryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface RetryDelayOptions {
  attempt: number;
  error: TikTokApiError;
  policy: Required<RetryPolicy>;
}

/**
 * Exponential backoff with jitter (TikTok's rate-limit guide asks for "random exponential backoff"), added on top
 * of the delay the error suggests, so many workers throttled in the same second do not come back together.
 */
export function retryDelayMs({ attempt, error, policy }: RetryDelayOptions): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + policy.random() * (ceiling / 2);
  return Math.round(Math.min(policy.maxDelayMs, (error.retryAfterMs ?? 0) + jittered));
}

export interface WithRetriesOptions<T> {
  run: (attempt: number) => Promise<T>;
  shouldRetry: (error: TikTokApiError) => boolean;
  policy?: RetryPolicy;
}

/** Run `run` until it succeeds, fails with an error `shouldRetry` refuses, or the attempts are used up. */
export async function withRetries<T>({ run, shouldRetry, policy: given }: WithRetriesOptions<T>): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...given };
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isTikTokApiError(error) || !shouldRetry(error)) throw error;
      await policy.sleep(retryDelayMs({ attempt, error, policy }));
    }
  }
}

