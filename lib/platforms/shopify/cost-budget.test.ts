import { describe, expect, it } from "vitest";
import { InMemoryCostBudget } from "./cost-budget";

function setup() {
  const clock = { t: 1_000_000 };
  return { clock, budget: new InMemoryCostBudget({ now: () => clock.t }) };
}

describe("InMemoryCostBudget", () => {
  it("lets the first call through: the bucket is learned from Shopify's answer", async () => {
    const { budget } = setup();
    expect(await budget.before("a.myshopify.com", 500)).toBe(0);
  });

  it("waits (requestedCost - currentlyAvailable) / restoreRate before a call that would not fit", async () => {
    const { budget } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 10, restoreRate: 50 });
    expect(await budget.before("a.myshopify.com", 30)).toBe(400);
  });

  it("queues concurrent callers behind each other's reservations", async () => {
    const { budget, clock } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 10, restoreRate: 50 });
    expect(await budget.before("a.myshopify.com", 30)).toBe(400); // 10 - 30 = -20
    expect(await budget.before("a.myshopify.com", 30)).toBe(1000); // -20 - 30 = -50
    clock.t += 1000; // +50 → 0
    expect(await budget.before("a.myshopify.com", 10)).toBe(200);
  });

  it("refills at the reported restore rate, never above the maximum", async () => {
    const { budget, clock } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 20 });
    clock.t += 2500; // +50
    expect(await budget.before("a.myshopify.com", 50)).toBe(0);
    clock.t += 60_000; // would be +1200, capped at 100
    expect(await budget.before("a.myshopify.com", 100)).toBe(0);
    expect(await budget.before("a.myshopify.com", 40)).toBe(2000);
  });

  it("keeps shops apart", async () => {
    const { budget } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 });
    expect(await budget.before("b.myshopify.com", 50)).toBe(0);
    expect(await budget.before("a.myshopify.com", 5)).toBe(500);
  });

  it("lowers its estimate to Shopify's when another consumer spent the bucket", async () => {
    const { budget } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 100, restoreRate: 10 });
    expect(await budget.before("a.myshopify.com", 10)).toBe(0); // 90 left by our count
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 20, restoreRate: 10 });
    expect(await budget.before("a.myshopify.com", 30)).toBe(1000);
  });

  it("keeps reservations of calls still waiting when Shopify reports more than it knows of", async () => {
    const { budget } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 10, restoreRate: 10 });
    expect(await budget.before("a.myshopify.com", 10)).toBe(0); // sent: 0 left
    expect(await budget.before("a.myshopify.com", 10)).toBe(1000); // queued: -10
    // the first call's answer: Shopify has not seen the queued call yet
    await budget.after("a.myshopify.com", { maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 });
    expect(await budget.before("a.myshopify.com", 10)).toBe(2000); // behind the queued one
  });

  it("takes back the part of a reservation Shopify refunded", async () => {
    const { budget } = setup();
    await budget.after("a.myshopify.com", { maximumAvailable: 200, currentlyAvailable: 110, restoreRate: 10 });
    expect(await budget.before("a.myshopify.com", 102)).toBe(0); // a page of 100 reserved: 8 left
    // only 9 points of it were kept: 110 - 9 = 101
    await budget.after("a.myshopify.com", { maximumAvailable: 200, currentlyAvailable: 101, restoreRate: 10 }, { unused: 93 });
    expect(await budget.before("a.myshopify.com", 101)).toBe(0);
    expect(await budget.before("a.myshopify.com", 10)).toBe(1000);
  });
});
