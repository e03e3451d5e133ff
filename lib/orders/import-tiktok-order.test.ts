import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { importTikTokOrder } from "./import-tiktok-order";
import { orderStores, placeTikTokOrder, setTikTokOrderStatus, shopifyOrdersFor, tiktokOrderControl } from "./order-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const run = (s: { organizationId: string; shop: { connectionId: string } }, tiktokOrderId: string, owner = "run-1") =>
  importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId, owner });

describe("importTikTokOrder against the sandbox", () => {
  it("creates one Shopify order with TikTok's money, grouped lines, tags and source, and writes the reference back", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TEE-S", quantity: 2 }, { sellerSku: "TOTE", quantity: 1 }], shippingFee: "4.99", tax: "3.10", discount: "2.00" });
    expect(await run(s, id)).toMatchObject({ handled: true, action: "created" });
    const [order, ...more] = await shopifyOrdersFor(s.shopify.domain, id);
    expect(more).toEqual([]);
    expect(order).toMatchObject({ sourceName: "tiktok", sourceIdentifier: id, currency: "USD", presentmentCurrency: "USD", inventoryDecremented: true });
    expect(order!.tags).toContain("TikTok");
    expect(order!.lineItems.map((l) => [l.sku, l.quantity, l.price.shop])).toEqual([["TEE-S", 2, 20], ["TOTE", 1, 15]]);
    expect(order!.shipping.shop).toBe(4.99);
    expect(order!.tax.shop).toBe(3.1);
    // What the buyer paid on TikTok: 55.00 of products less 2.00 of discounts, 4.99 shipping and 3.10 tax.
    expect(order!.total.shop).toBe(61.09);
    expect((await tiktokOrderControl(id) as unknown as { payment: { total_amount: string } }).payment.total_amount).toBe("61.09");
    const row = await testDb.tikTokOrder.findFirstOrThrow({ where: { tiktokOrderId: id } });
    expect(row).toMatchObject({ state: "CREATED", shopifyOrderName: order!.name, tiktokStatus: "AWAITING_SHIPMENT", claimOwner: null });
    expect(row.externalRefAt).not.toBeNull();
    const tiktok = await tiktokOrderControl(id);
    expect(tiktok.external_orders).toEqual([expect.objectContaining({ platform: "SHOPIFY", id: order!.id.split("/").pop() })]);
    expect(tiktok.external_orders[0]!.line_items).toHaveLength(3);
    const events = await testDb.orderEvent.findMany({ where: { orderId: row.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["seen", "created", "reference"]);
  });

  it("runs again, replayed or raced: still one Shopify order", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TEE-M", quantity: 1 }] });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => run(s, id, `run-${i}`)));
    expect(results.filter((r) => r.handled && r.action === "created")).toHaveLength(1);
    await run(s, id, "run-late");
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
    expect(await testDb.tikTokOrder.count()).toBe(1);
  });

  it("a crash after Shopify created the order and before the row was saved: the next attempt adopts it", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    await run(s, id);
    // What a crash leaves: the Shopify order exists, the row knows nothing of it and its claim is held by the dead attempt.
    const [order] = await shopifyOrdersFor(s.shopify.domain, id);
    await testDb.tikTokOrder.updateMany({ data: { shopifyOrderId: null, shopifyOrderName: null, state: "WAITING", externalRefAt: null, claimOwner: "run-1", claimedAt: new Date() } });
    expect(await run(s, id, "run-1")).toMatchObject({ handled: true, action: "adopted the Shopify order an earlier attempt made" });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
    expect(await testDb.tikTokOrder.findFirstOrThrow()).toMatchObject({ state: "CREATED", shopifyOrderId: order!.id });
  });

  it("our row lost after a complete import (a restored database): TikTok's reference finds the order, none is created", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    await run(s, id);
    await testDb.tikTokOrder.deleteMany();
    expect(await run(s, id, "run-9")).toMatchObject({ action: "adopted the Shopify order an earlier attempt made" });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
    expect((await testDb.tikTokOrder.findFirstOrThrow()).shopifyOrderName).toMatch(/^#\d+$/);
  });

  it("another run's live claim is respected; a lapsed one is taken over", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }], status: "UNPAID" });
    await run(s, id);
    await setTikTokOrderStatus(id, "AWAITING_SHIPMENT");
    await testDb.tikTokOrder.updateMany({ data: { claimOwner: "dead-run", claimedAt: new Date() } });
    expect(await run(s, id, "run-2")).toMatchObject({ action: "another run holds the claim" });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(0);
    await testDb.tikTokOrder.updateMany({ data: { claimedAt: new Date(Date.now() - 3_600_000) } });
    expect(await run(s, id, "run-2")).toMatchObject({ action: "created" });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
  });

  it("an unmapped SKU waits under Needs attention with the reason; once mapped, it is created", async () => {
    const s = await orderStores();
    await testDb.mapping.deleteMany({ where: { tiktokSku: { sellerSku: "TOTE" } } });
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TEE-S", quantity: 1 }, { sellerSku: "TOTE", quantity: 1 }] });
    expect(await run(s, id)).toMatchObject({ action: "unmapped SKU: needs attention" });
    const row = await testDb.tikTokOrder.findFirstOrThrow();
    expect(row.state).toBe("NEEDS_ATTENTION");
    expect(row.stateReason).toContain("SKU TOTE is not mapped");
    expect(row.missingSkuIds).toHaveLength(1);
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(0);
    expect(await testDb.notification.count({ where: { kind: "orders.needs_attention" } })).toBe(1);
  });

  it("cancelled before import: skipped; cancelled after: the Shopify order is cancelled with restock", async () => {
    const s = await orderStores();
    const early = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }], status: "ON_HOLD" });
    await setTikTokOrderStatus(early, "CANCELLED", "Buyer changed mind");
    expect(await run(s, early)).toMatchObject({ action: "skipped" });
    expect(await shopifyOrdersFor(s.shopify.domain, early)).toHaveLength(0);
    expect((await testDb.tikTokOrder.findFirstOrThrow({ where: { tiktokOrderId: early } })).stateReason).toContain("Buyer changed mind");

    const late = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    await run(s, late);
    await setTikTokOrderStatus(late, "CANCELLED", "Out of stock");
    expect(await run(s, late)).toMatchObject({ action: "cancelled in Shopify" });
    expect(await run(s, late)).toMatchObject({ action: "already cancelled" });
    const [order] = await shopifyOrdersFor(s.shopify.domain, late);
    expect(order!.cancelledAt).not.toBeNull();
    const row = await testDb.tikTokOrder.findFirstOrThrow({ where: { tiktokOrderId: late } });
    expect(row).toMatchObject({ state: "CANCELLED" });
    expect(row.stateReason).toContain("Out of stock");
  });

  it("bad input changes nothing: an unknown order, another organization's shop", async () => {
    const s = await orderStores();
    expect(await run(s, "999999999")).toEqual({ handled: false, reason: expect.stringContaining("no order 999999999") });
    const other = await orderStores();
    const theirs = await placeTikTokOrder(other.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
    // Our shop asked for their order: TikTok scopes orders to the shop, so it is unknown here.
    expect(await run(s, theirs)).toMatchObject({ handled: false });
    // Their shop under our organization id: not found.
    await expect(importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: other.shop.connectionId, tiktokOrderId: theirs, owner: "x" })).rejects.toThrow(/not found/i);
    expect(await testDb.tikTokOrder.count()).toBe(0);
    expect(await shopifyOrdersFor(other.shopify.domain)).toHaveLength(0);
  });

  it("ON_HOLD waits by default; with the setting it is created as held, then released", async () => {
    const s = await orderStores();
    const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }], status: "ON_HOLD" });
    expect(await run(s, id)).toMatchObject({ action: "waiting" });
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(0);
    await testDb.shopSettings.create({ data: { organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, settings: { orders: { importOnHold: true } } } });
    expect(await run(s, id)).toMatchObject({ action: "created (held)" });
    expect((await testDb.tikTokOrder.findFirstOrThrow()).state).toBe("HELD");
    await setTikTokOrderStatus(id, "AWAITING_SHIPMENT");
    await run(s, id);
    expect((await testDb.tikTokOrder.findFirstOrThrow()).state).toBe("CREATED");
    expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
  });
});
