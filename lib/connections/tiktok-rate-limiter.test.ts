import { beforeAll, beforeEach, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { postgresRateLimiter } from "./tiktok-rate-limiter";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

/** When each of n calls would be sent: the time it asked plus the wait it was given. */
async function schedule(limiter: ReturnType<typeof postgresRateLimiter>, key: string, n: number): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    const asked = Date.now();
    at.push(asked + (await limiter.reserve(key)));
  }
  return at;
}

it("lets the burst through at once, then spaces calls at the rate, per key", async () => {
  const limiter = postgresRateLimiter(10, 5);
  const began = Date.now();
  const at = await schedule(limiter, "app|shop|POST /product/202502/products/search", 15);
  const asking = Date.now() - began;
  const start = at[0]!;
  // The burst is sent as fast as it is asked for (on a busy machine asking itself takes a while).
  expect(at[4]! - start).toBeLessThan(Math.max(100, asking));
  // Ten more at 10 per second take about a second: never less, and no more than the asking took.
  expect(at[14]! - start).toBeGreaterThan(850);
  expect(at[14]! - start).toBeLessThan(Math.max(1200, asking + 250));
  expect(await limiter.reserve("app|other-shop|POST /product/202502/products/search")).toBe(0);
});

it("keeps every one-second window under TikTok's 50 requests with the defaults", async () => {
  const at = (await schedule(postgresRateLimiter(), "app|shop|GET /product/202309/products/{product_id}", 120)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (at[i]! - at[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  expect(most).toBeLessThanOrEqual(50);
  expect(most).toBeGreaterThanOrEqual(40);
});
