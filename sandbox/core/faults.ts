import { z } from "zod";
import type { FaultSettings } from "./platform";

export const NO_FAULTS: FaultSettings = { errorRate: 0, rateLimitRate: 0, latencyMs: 0, timeoutRate: 0, webhookDropRate: 0, webhookDuplicateRate: 0 };

const rate = z.number().min(0).max(1);
export const faultsInput = z.object({
  platform: z.enum(["tiktok", "shopify", "all"]),
  errorRate: rate.optional(),
  rateLimitRate: rate.optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  timeoutRate: rate.optional(),
  webhookDropRate: rate.optional(),
  webhookDuplicateRate: rate.optional(),
}).strict();

/** Longest time an injected timeout holds a connection before answering with the platform's timeout error. */
export const TIMEOUT_HOLD_MS = 120_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
