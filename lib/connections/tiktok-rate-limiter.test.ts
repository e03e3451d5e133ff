import { beforeAll, beforeEach, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { postgresRateLimiter } from "./tiktok-rate-limiter";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("lets a burst of the rate through at once, then spaces calls at the rate, per key", async () => {
  const limiter = postgresRateLimiter(10);
  const waits = [];
  for (let i = 0; i < 13; i++) waits.push(await limiter.reserve("app|shop|POST /product/202502/products/search"));
  expect(waits.slice(0, 10).every((w) => w === 0)).toBe(true);
  // The 11th, 12th and 13th wait about 0.1, 0.2 and 0.3 s.
  expect(waits[12]).toBeGreaterThan(200);
  expect(waits[12]).toBeLessThanOrEqual(310);
  expect(await limiter.reserve("app|other-shop|POST /product/202502/products/search")).toBe(0);
});
