// The leaky bucket per app and shop: the requested cost is taken up front, the difference to the
// actual cost is given back afterwards, and the bucket refills at the restore rate.
import type { SandboxContext } from "../core/platform";
import { PLANS, shopifyConfig } from "./config";
import type { ShopRec, ShopifyState } from "./state";

export interface ThrottleStatus { maximumAvailable: number; currentlyAvailable: number; restoreRate: number }

function limits(ctx: SandboxContext, shop: ShopRec): { size: number; rate: number } {
  const cfg = shopifyConfig(ctx);
  const m = (PLANS[shop.plan] ?? PLANS.basic!).multiplier;
  return { size: cfg.bucketSize * m, rate: cfg.restoreRate * m };
}

function bucket(options: { ctx: SandboxContext; st: ShopifyState; shop: ShopRec; clientId: string }) {
  const { ctx, st, shop, clientId } = options;
  const { size, rate } = limits(ctx, shop);
  const key = `${clientId}|${shop.domain}`;
  const now = ctx.now();
  const b = (st.buckets[key] ??= { available: size, at: now });
  const elapsed = Math.max(0, now - b.at) / 1000;
  b.available = Math.min(size, b.available + elapsed * rate);
  b.at = now;
  return { b, size, rate };
}

const status = (available: number, size: number, rate: number): ThrottleStatus => ({
  maximumAvailable: size, currentlyAvailable: Math.floor(available), restoreRate: rate,
});

/** Takes `cost` from the bucket when it holds enough; otherwise takes nothing. */
export function take(options: { ctx: SandboxContext; st: ShopifyState; shop: ShopRec; clientId: string; cost: number }): { ok: boolean; status: ThrottleStatus } {
  const { b, size, rate } = bucket(options);
  if (b.available < options.cost) return { ok: false, status: status(b.available, size, rate) };
  b.available -= options.cost;
  return { ok: true, status: status(b.available, size, rate) };
}

export function refund(options: { ctx: SandboxContext; st: ShopifyState; shop: ShopRec; clientId: string; amount: number }): ThrottleStatus {
  const { b, size, rate } = bucket(options);
  b.available = Math.min(size, b.available + Math.max(0, options.amount));
  return status(b.available, size, rate);
}

export function maxQueryCost(ctx: SandboxContext): number {
  return shopifyConfig(ctx).maxQueryCost;
}
