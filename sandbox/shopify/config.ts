// The `shopify` slice of GET/POST /__sandbox/config.
import { z } from "zod";
import type { SandboxContext } from "../core/platform";

export const SHOPIFY_CONFIG_DEFAULTS = {
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 90 * 24 * 3600,
  /** leaky bucket for standard plans; plan multipliers apply (advanced ×2, plus ×10, enterprise ×20) */
  bucketSize: 2000,
  restoreRate: 100,
  maxQueryCost: 1000,
  /** Shopify retries a failed delivery 8 times over about 4 hours */
  webhookRetrySeconds: [10, 30, 60, 300, 900, 1800, 3600, 7200],
};
export type ShopifyConfig = typeof SHOPIFY_CONFIG_DEFAULTS;

const configPatch = z.object({
  accessTokenTtlSeconds: z.number().int().positive(),
  refreshTokenTtlSeconds: z.number().int().positive(),
  bucketSize: z.number().positive(),
  restoreRate: z.number().positive(),
  maxQueryCost: z.number().int().positive(),
  webhookRetrySeconds: z.array(z.number().min(0)).max(20),
}).partial().strict();

export function validateShopifyConfig(patch: unknown): string | null {
  const parsed = configPatch.safeParse(patch);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".") || "shopify"}: ${i.message}`).join("; ");
}

export function shopifyConfig(ctx: SandboxContext): ShopifyConfig {
  return ctx.config("shopify", SHOPIFY_CONFIG_DEFAULTS);
}

/** Shopify scales the bucket with the plan (Standard 100/s, Advanced 200/s, Plus 1000/s, Enterprise 2000/s). */
export const PLANS: Record<string, { displayName: string; multiplier: number; plus: boolean; development: boolean }> = {
  basic: { displayName: "Basic", multiplier: 1, plus: false, development: false },
  grow: { displayName: "Grow", multiplier: 1, plus: false, development: false },
  advanced: { displayName: "Advanced", multiplier: 2, plus: false, development: false },
  plus: { displayName: "Plus", multiplier: 10, plus: true, development: false },
  enterprise: { displayName: "Enterprise", multiplier: 20, plus: true, development: false },
  development: { displayName: "Development", multiplier: 1, plus: false, development: true },
};
