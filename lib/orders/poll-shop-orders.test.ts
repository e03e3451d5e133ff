import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { importTikTokOrder } from "./import-tiktok-order";
import { orderStores, placeTikTokOrder, sandboxNowSeconds } from "./order-test-kit";
import { finishOrderPoll, ordersToRetry, pollOrderPage, POLL_OVERLAP_SECONDS, startOrderPoll, type PollCursor } from "./poll-shop-orders";
import { tiktokOrderEventId } from "./tiktok-order-event-id";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function pollAll(s: { organizationId: string; shop: { connectionId: string } }, since?: number) {
  const ids = { organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId };
  const start = await startOrderPoll({ ...ids, since, nowSeconds: await sandboxNowSeconds() });
  let cursor: PollCursor | null = start;
  const found: { id: string; updateTime: number | null }[] = [];
  while (cursor) {
    const page = await pollOrderPage({ ...ids, cursor });
    found.push(...page.orders);
    cursor = page.next;
  }
  await finishOrderPoll({ ...ids, until: start!.until });
  return { start: start!, found };
}

describe("the polling backstop", () => {
  it("finds every order updated since the last poll, less the overlap, with the webhook's event ids", async () => {
    const s = await orderStores();
    const a = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    const b = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TEE-S", quantity: 1 }] });
    const first = await pollAll(s);
    expect(first.found.map((o) => o.id).sort()).toEqual([a, b].sort());
    // Seven days back when the shop was never polled.
    expect(first.start.until - first.start.from).toBeGreaterThanOrEqual(7 * 86_400);
    const second = await pollAll(s);
    expect(second.start.from).toBe(first.start.until - POLL_OVERLAP_SECONDS);
    // The overlap sees them again; the same change gives the same event id, so nothing runs twice.
    const idsOf = (found: typeof first.found) => found.map((o) => tiktokOrderEventId({ tiktokConnectionId: s.shop.connectionId, tiktokOrderId: o.id, updateTime: o.updateTime })).sort();
    expect(idsOf(second.found)).toEqual(idsOf(first.found));
  });

  it("another organization's shop is not polled under this organization", async () => {
    const s = await orderStores();
    const other = await orderStores();
    await placeTikTokOrder(other.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    expect(await startOrderPoll({ organizationId: s.organizationId, tiktokConnectionId: other.shop.connectionId })).toBeNull();
  });

  it("an order waiting on a SKU is retried once the SKU is mapped", async () => {
    const s = await orderStores();
    const mapping = await testDb.mapping.findFirstOrThrow({ where: { tiktokSku: { sellerSku: "TOTE" } } });
    await testDb.mapping.delete({ where: { id: mapping.id } });
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    await importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId: id, owner: "r" });
    const ids = { organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId };
    expect(await ordersToRetry(ids)).toEqual([]);
    const { id: _id, createdAt: _c, updatedAt: _u, ...again } = mapping;
    await testDb.mapping.create({ data: again });
    expect(await ordersToRetry(ids)).toEqual([id]);
    expect(await ordersToRetry({ organizationId: "another-org", tiktokConnectionId: s.shop.connectionId })).toEqual([]);
  });
});
