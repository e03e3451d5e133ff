import { z } from "zod";
import type { SandboxContext } from "../core/platform";

export interface TikTokConfig {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  onHoldSeconds: number;
  reviewSeconds: number;
  rateLimitPerSecond: number;
  webhookRetrySeconds: number[];
}

// Real values: access token 7 days; ON_HOLD one hour; retries 2 min, 30 min, 3 h, 12 h (compressed 60× here);
// refresh token lifetime is the authorization duration (commonly a year). Review time is not documented.
export const TIKTOK_DEFAULTS: TikTokConfig = {
  accessTokenTtlSeconds: 7 * 24 * 3600,
  refreshTokenTtlSeconds: 365 * 24 * 3600,
  onHoldSeconds: 3600,
  reviewSeconds: 30,
  rateLimitPerSecond: 50,
  webhookRetrySeconds: [2, 30, 180, 720],
};

const positive = z.number().finite().min(0);
export const configPatch = z.object({
  accessTokenTtlSeconds: positive.optional(),
  refreshTokenTtlSeconds: positive.optional(),
  onHoldSeconds: positive.optional(),
  reviewSeconds: positive.optional(),
  rateLimitPerSecond: z.number().int().min(1).optional(),
  webhookRetrySeconds: z.array(positive).max(20).optional(),
}).strict();

export function validateConfig(patch: unknown): string | null {
  const r = configPatch.safeParse(patch);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

export function cfg(ctx: SandboxContext): TikTokConfig {
  return ctx.config<TikTokConfig>("tiktok", TIKTOK_DEFAULTS);
}

export const sec = (ms: number) => Math.floor(ms / 1000);
