import { db } from "../db";
import type { CostBudget } from "../platforms/shopify/cost-budget";
import type { ThrottleStatus } from "../platforms/shopify/schemas";

// Shopify's leaky bucket per shop, kept in Postgres so every app instance spends the same bucket.
// Each call is one atomic statement using the database's clock, so instances never disagree on time.

export const postgresCostBudget: CostBudget = {
  async before(shop, cost) {
    const rows = await db().$queryRaw<{ available: number; restoreRate: number }[]>`
      UPDATE "ShopifyCostBucket"
      SET available = LEAST(maximum, available + EXTRACT(EPOCH FROM (clock_timestamp() - at)) * "restoreRate") - ${cost},
          at = clock_timestamp()
      WHERE shop = ${shop}
      RETURNING available, "restoreRate"`;
    const bucket = rows[0];
    // Nothing known yet: send, and learn the bucket (restore rates differ by plan) from the answer.
    if (!bucket || bucket.available >= 0) return 0;
    // (requestedCost - currentlyAvailable) / restoreRate seconds; reservations queue callers behind each other.
    return Math.ceil((-bucket.available / bucket.restoreRate) * 1000);
  },

  async after(shop: string, status: ThrottleStatus, options: { unused?: number } = {}) {
    const unused = options.unused ?? 0;
    // Shopify's figure cannot know of calls still waiting on their reservation, so it only lowers
    // our estimate; elapsed time and the unused part of reservations raise it.
    await db().$executeRaw`
      INSERT INTO "ShopifyCostBucket" (shop, available, maximum, "restoreRate", at)
      VALUES (${shop}, ${status.currentlyAvailable}, ${status.maximumAvailable}, ${status.restoreRate}, clock_timestamp())
      ON CONFLICT (shop) DO UPDATE SET
        available = LEAST(
          LEAST("ShopifyCostBucket".maximum, "ShopifyCostBucket".available + EXTRACT(EPOCH FROM (clock_timestamp() - "ShopifyCostBucket".at)) * "ShopifyCostBucket"."restoreRate") + ${unused},
          EXCLUDED.available),
        maximum = EXCLUDED.maximum,
        "restoreRate" = EXCLUDED."restoreRate",
        at = clock_timestamp()`;
  },
};
