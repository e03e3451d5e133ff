// Shopify's order search can lag an order created a moment ago; TikTok's external reference cannot. An
// order found only through the reference is adopted with its name, read from Shopify by id.
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { importTikTokOrder } from "./import-tiktok-order";
import { findShopifyOrder } from "./order-platform-calls";
import { orderStores, placeTikTokOrder, shopifyOrdersFor } from "./order-test-kit";

vi.mock("./order-platform-calls", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./order-platform-calls")>();
  return { ...actual, findShopifyOrder: vi.fn(actual.findShopifyOrder) };
});

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("adopts the order TikTok's reference names, with its Shopify name, when Shopify's search does not find it yet", async () => {
  const s = await orderStores();
  const id = await placeTikTokOrder(s.shop.shopId, { lineItems: [{ sellerSku: "TOTE", quantity: 1 }] });
  const run = (owner: string) => importTikTokOrder({ organizationId: s.organizationId, tiktokConnectionId: s.shop.connectionId, tiktokOrderId: id, owner });
  await run("run-1");
  const [order] = await shopifyOrdersFor(s.shopify.domain, id);
  // A restored database, and a search index that has not caught up.
  await testDb.tikTokOrder.deleteMany();
  vi.mocked(findShopifyOrder).mockResolvedValue(null);

  expect(await run("run-2")).toMatchObject({ action: "adopted the Shopify order an earlier attempt made" });
  expect(vi.mocked(findShopifyOrder)).toHaveBeenCalled();
  expect(await shopifyOrdersFor(s.shopify.domain, id)).toHaveLength(1);
  const row = await testDb.tikTokOrder.findFirstOrThrow();
  expect(row).toMatchObject({ state: "CREATED", shopifyOrderId: order!.id });
  expect(row.shopifyOrderName).toMatch(/^#\d+$/);
});
