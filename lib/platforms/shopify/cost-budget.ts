// Shopify's cost-based throttling is a leaky bucket per app and shop. The client asks the budget how
// long to wait before a call, and tells it the bucket's real state after every answer.
import type { ThrottleStatus } from "./schemas";

/**
 * Injectable so that every app instance can share one budget per shop: the in-memory version below
 * serves one process (tests, the demo); the lead will back it with Postgres (one row per shop holding
 * available, maximum, restore rate and when they were read; `before` and `after` each one atomic
 * UPDATE … RETURNING), so that instances do not each spend the same bucket.
 */
export interface CostBudget {
  /** Reserves `cost` points for a call on `shop`; resolves to the milliseconds to wait before sending it (0: send now). */
  before(shop: string, cost: number): Promise<number>;
  /**
   * Records the bucket as Shopify reported it in `extensions.cost.throttleStatus`. `unused` is the part
   * of the call's reservation Shopify did not keep (reserved minus actualQueryCost; all of it when throttled).
   */
  after(shop: string, status: ThrottleStatus, options?: { unused?: number }): Promise<void>;
}

interface Bucket {
  available: number;
  maximum: number;
  restoreRate: number;
  at: number;
}

export class InMemoryCostBudget implements CostBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  async before(shop: string, cost: number): Promise<number> {
    const bucket = this.buckets.get(shop);
    // Nothing known yet: send, and learn the bucket (restore rates differ by plan) from the answer.
    if (!bucket) return 0;
    const now = this.now();
    // The reservation may go below zero: concurrent callers then queue behind each other.
    bucket.available = this.refilled(bucket, now) - cost;
    bucket.at = now;
    if (bucket.available >= 0) return 0;
    // (requestedCost - currentlyAvailable) / restoreRate seconds
    return Math.ceil((-bucket.available / bucket.restoreRate) * 1000);
  }

  async after(shop: string, status: ThrottleStatus, options: { unused?: number } = {}): Promise<void> {
    const now = this.now();
    const bucket = this.buckets.get(shop);
    const estimate = bucket ? this.refilled(bucket, now) + (options.unused ?? 0) : Infinity;
    // Shopify's figure cannot know of calls still waiting on their reservation here, so it only
    // ever lowers the estimate; time (and the unused part of reservations) raise it.
    this.buckets.set(shop, {
      available: Math.min(estimate, status.currentlyAvailable),
      maximum: status.maximumAvailable,
      restoreRate: status.restoreRate,
      at: now,
    });
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(bucket.maximum, bucket.available + (Math.max(0, now - bucket.at) / 1000) * bucket.restoreRate);
  }
}
