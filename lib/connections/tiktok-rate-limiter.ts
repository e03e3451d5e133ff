import { db } from "../db";
import type { TikTokRateLimiter } from "../platforms/tiktok/client";

// TikTok allows about 50 requests per second per endpoint, app and shop. We aim just under it, in a
// token bucket per key kept in Postgres (one atomic statement on the database clock), so all app
// instances together stay under the limit and use it fully.
export const TIKTOK_REQUESTS_PER_SECOND = 45;

export function postgresRateLimiter(ratePerSecond = TIKTOK_REQUESTS_PER_SECOND): TikTokRateLimiter {
  return {
    async reserve(key) {
      const rows = await db().$queryRaw<{ tokens: number }[]>`
        INSERT INTO "TikTokRateBucket" (key, tokens, at) VALUES (${key}, ${ratePerSecond - 1}, clock_timestamp())
        ON CONFLICT (key) DO UPDATE SET
          tokens = LEAST(${ratePerSecond}::float8, "TikTokRateBucket".tokens + EXTRACT(EPOCH FROM (clock_timestamp() - "TikTokRateBucket".at)) * ${ratePerSecond}) - 1,
          at = clock_timestamp()
        RETURNING tokens`;
      const tokens = rows[0]?.tokens ?? 0;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / ratePerSecond) * 1000);
    },
  };
}
