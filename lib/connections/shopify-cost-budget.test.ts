import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { postgresCostBudget } from "./shopify-cost-budget";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const status = (currentlyAvailable: number) => ({ maximumAvailable: 1000, currentlyAvailable, restoreRate: 50 });

describe("postgresCostBudget", () => {
  it("sends at once when nothing is known, then learns the bucket from Shopify's answer", async () => {
    expect(await postgresCostBudget.before("a.myshopify.com", 500)).toBe(0);
    await postgresCostBudget.after("a.myshopify.com", status(100));
    // 100 available, 300 wanted: (300 - 100) / 50 per second = about 4 s.
    const wait = await postgresCostBudget.before("a.myshopify.com", 300);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(4100);
  });

  it("queues concurrent callers (every instance) behind each other's reservations", async () => {
    await postgresCostBudget.after("b.myshopify.com", status(1000));
    const waits = await Promise.all(Array.from({ length: 4 }, () => postgresCostBudget.before("b.myshopify.com", 400)));
    // 1000 points cover two calls at once; the third and fourth wait for the restore rate.
    expect(waits.filter((w) => w === 0)).toHaveLength(2);
    expect(Math.max(...waits)).toBeGreaterThan(9000);
  });

  it("Shopify's figure only lowers the estimate; unused reservation comes back", async () => {
    await postgresCostBudget.after("c.myshopify.com", status(1000));
    await postgresCostBudget.before("c.myshopify.com", 600);
    await postgresCostBudget.after("c.myshopify.com", status(990), { unused: 590 });
    const row = await testDb.shopifyCostBucket.findUniqueOrThrow({ where: { shop: "c.myshopify.com" } });
    expect(row.available).toBeGreaterThan(985);
    expect(row.available).toBeLessThanOrEqual(990);
  });

  it("keeps shops apart", async () => {
    await postgresCostBudget.after("d.myshopify.com", status(0));
    expect(await postgresCostBudget.before("e.myshopify.com", 999)).toBe(0);
  });
});
