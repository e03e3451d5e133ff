import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { getOrder } from "./get-order";
import { listOrders, listOrdersQuerySchema } from "./list-orders";
import { retryOrder } from "./retry-order";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function seed(organizationId: string, n: number, state: "CREATED" | "NEEDS_ATTENTION" | "SKIPPED" = "CREATED") {
  const base = Date.parse("2026-11-01T00:00:00Z");
  for (let i = 0; i < n; i++) {
    await testDb.tikTokOrder.create({
      data: { organizationId, tiktokConnectionId: "shop-1", tiktokOrderId: `${state}-${i}-${organizationId.slice(-4)}`, tiktokStatus: "AWAITING_SHIPMENT", state, createdAt: new Date(base + (i % 3) * 1000) },
    });
  }
}

describe("the orders list", () => {
  it("pages by keyset without gaps or repeats, filters by state, and counts Needs attention", async () => {
    const a = await newOrganization("Alpha");
    await seed(a.organizationId, 7);
    await seed(a.organizationId, 2, "NEEDS_ATTENTION");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders({ organizationId: a.organizationId, query: listOrdersQuerySchema.parse({ limit: 4, cursor }) });
      seen.push(...page.orders.map((o) => o.id));
      expect(page.needsAttention).toBe(2);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    const attention = await listOrders({ organizationId: a.organizationId, query: listOrdersQuerySchema.parse({ state: "NEEDS_ATTENTION" }) });
    expect(attention.orders.map((o) => o.state)).toEqual(["NEEDS_ATTENTION", "NEEDS_ATTENTION"]);
    expect(attention.orders.every((o) => o.canRetry)).toBe(true);
  });

  it("bad filters and cursors are refused", () => {
    expect(() => listOrdersQuerySchema.parse({ state: "LOST" })).toThrow();
    expect(() => listOrdersQuerySchema.parse({ limit: 1000 })).toThrow();
  });

  it("another organization's orders are not listed, not found and not retried", async () => {
    const a = await newOrganization("Alpha");
    const b = await newOrganization("Bravo");
    await seed(b.organizationId, 1, "NEEDS_ATTENTION");
    const theirs = await testDb.tikTokOrder.findFirstOrThrow();
    expect((await listOrders({ organizationId: a.organizationId, query: listOrdersQuerySchema.parse({}) })).orders).toEqual([]);
    await expect(getOrder({ organizationId: a.organizationId, orderId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryOrder({ organizationId: a.organizationId, orderId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.orderEvent.count()).toBe(0);
    expect((await getOrder({ organizationId: b.organizationId, orderId: theirs.id })).order.tiktokOrderId).toBe(theirs.tiktokOrderId);
  });

  it("a skipped order is not retried; a waiting one is queued with a timeline entry", async () => {
    const a = await newOrganization("Alpha");
    await seed(a.organizationId, 1, "SKIPPED");
    await seed(a.organizationId, 1, "NEEDS_ATTENTION");
    const skipped = await testDb.tikTokOrder.findFirstOrThrow({ where: { state: "SKIPPED" } });
    const waiting = await testDb.tikTokOrder.findFirstOrThrow({ where: { state: "NEEDS_ATTENTION" } });
    await expect(retryOrder({ organizationId: a.organizationId, orderId: skipped.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await retryOrder({ organizationId: a.organizationId, orderId: waiting.id })).toEqual({ queued: true });
    expect((await getOrder({ organizationId: a.organizationId, orderId: waiting.id })).timeline.map((e) => e.kind)).toEqual(["retry"]);
  });
});
