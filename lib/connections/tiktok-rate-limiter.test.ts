import { beforeAll, beforeEach, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { postgresRateLimiter } from "./tiktok-rate-limiter";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

/** When each of n calls would be sent: the time it asked plus the wait it was given. */
async function schedule(limiter: ReturnType<typeof postgresRateLimiter>, key: string, n: number): Promise<number[]> {
  return (await timeline(limiter, key, n)).map((call) => call.asked + call.wait);
}

/** Each call's asking time, the time the answer came back, and the wait it was given. */
async function timeline(limiter: ReturnType<typeof postgresRateLimiter>, key: string, n: number) {
  const calls: { asked: number; answered: number; wait: number }[] = [];
  for (let i = 0; i < n; i++) {
    const asked = Date.now();
    const wait = await limiter.reserve(key);
    calls.push({ asked, answered: Date.now(), wait });
  }
  return calls;
}

it("lets the burst through at once, then spaces calls at the rate, per key", async () => {
  // 10 per second with a burst of 5: call i (from 0) may go at the first call's time + max(0, i - 4) × 100 ms.
  const calls = await timeline(postgresRateLimiter(10, 5), "app|shop|POST /product/202502/products/search", 15);
  // The bucket's clock starts somewhere between the first call's asking and its answer.
  const earliest = calls[0]!.asked;
  const latest = calls[0]!.answered;
  calls.forEach((call, i) => {
    const after = Math.max(0, i - 4) * 100;
    // Never sooner than its slot (the wait counts from the answer's arrival, at the latest)…
    expect(call.answered + call.wait, `call ${i}`).toBeGreaterThanOrEqual(earliest + after - 5);
    // …and never later than needed: its slot, or at once when asking itself came after the slot.
    // Both sides are read off one clock, so this holds however slow a busy machine makes each round trip.
    expect(call.asked + call.wait, `call ${i}`).toBeLessThanOrEqual(Math.max(latest + after, call.asked) + 5);
  });
  expect(calls.slice(0, 5).every((call) => call.wait === 0)).toBe(true);
  expect(await postgresRateLimiter(10, 5).reserve("app|other-shop|POST /product/202502/products/search")).toBe(0);
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

it("holds a key off for the pause after a refusal, behind the calls already given slots, and no other key", async () => {
  const limiter = postgresRateLimiter(10, 5);
  const key = "app|shop|POST /product/202309/products/{product_id}/prices/update";
  // the burst of 5, then two calls given slots 100 and 200 ms after the first
  const [first] = await timeline(limiter, key, 7);
  const pausing = Date.now();
  await limiter.pause!(key, 500);
  const paused = Date.now();
  const asked = Date.now();
  const at = asked + (await limiter.reserve(key));
  // after the queued calls' last slot, the pause, then its own slot (100 ms): first + 800 ms; or, when the queued
  // slots had already passed by the time of the refusal, the pause and its own slot from then: refusal + 600 ms
  expect(at).toBeGreaterThanOrEqual(Math.max(first!.asked + 800, pausing + 600) - 5);
  expect(at).toBeLessThanOrEqual(Math.max(first!.answered + 800, paused + 600, asked) + 5);
  expect(await limiter.reserve("app|other-shop|POST /product/202309/products/{product_id}/prices/update")).toBe(0);
});

it("a pause on a key never used is a no-op", async () => {
  const limiter = postgresRateLimiter(10, 5);
  await limiter.pause!("app|shop|GET /never", 500);
  expect(await limiter.reserve("app|shop|GET /never")).toBe(0);
});
