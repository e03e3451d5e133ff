import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { syncProduct } from "./sync-product";
import { syncShopPage } from "./sync-shop-page";
import { enableAutoSync, pairedSandboxStores, sandboxProduct, sandboxWrites, seedMappedProducts, type KitProduct } from "./sync-test-kit";

// Faults injected at the HTTP boundary of this worker only (the sandbox is shared by every test file, so its
// own fault switch would disturb them): TikTok's internal error and rate limit, and an answer lost after
// TikTok applied the write.

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());
afterEach(() => vi.restoreAllMocks());

const PRICE = "POST /product/202309/products/{product_id}/prices/update";
const INVENTORY = "POST /product/202309/products/{product_id}/inventory/update";

type Fault = "internal" | "rateLimited" | "lostAnswer";

/** Faults the next `times` TikTok calls whose path matches `path`. */
function injectTikTokFaults({ path, fault, times }: { path: RegExp; fault: Fault; times: number }) {
  const realFetch = globalThis.fetch;
  let left = times;
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (left > 0 && url.includes("/tiktok/open-api/") && path.test(new URL(url).pathname)) {
      left--;
      if (fault === "lostAnswer") {
        await realFetch(input, init);
        throw new TypeError("fetch failed: socket hang up");
      }
      const [status, code] = fault === "internal" ? [500, 36009003] : [429, 36009002];
      return Response.json({ code, message: fault === "internal" ? "Internal error" : "Too many requests", data: null, request_id: "fault" }, { status });
    }
    return realFetch(input, init);
  });
}

const shirt = (i: number): KitProduct => ({ title: `Oxford Shirt ${i}`, variants: [{ sku: `OX-${i}`, price: "50.00", quantity: 4 }], tiktok: { prices: ["45.00"], quantities: [1] } });

async function setup(count = 1) {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const products = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: Array.from({ length: count }, (_, i) => shirt(i)) });
  await enableAutoSync({ organizationId: stores.org.organizationId, tiktokConnectionId: shop.connectionId, settings: { fields: { title: false, description: false, price: true, inventory: true } } });
  return { ...stores, shop, products };
}

describe("injected faults", () => {
  it("a rate-limited write is retried by the client and lands once", async () => {
    const { org, shop, products } = await setup();
    injectTikTokFaults({ path: /prices\/update$/, fault: "rateLimited", times: 2 });
    expect(await syncProduct({ organizationId: org.organizationId, tiktokProductId: products[0]!.tiktokProductId, reason: "sync-now" })).toMatchObject({ status: "SYNCED" });
    expect(await sandboxWrites(shop.shopId, products[0]!.externalId)).toEqual([PRICE, INVENTORY]);
  });

  it("an internal error half-way leaves the product not synced; the retry writes only what is missing", async () => {
    const { org, shop, products } = await setup();
    const id = products[0]!.tiktokProductId;
    injectTikTokFaults({ path: /inventory\/update$/, fault: "internal", times: 3 });
    // The price was written, the stock was not: the sync throws for the job to retry and is never reported synced.
    await expect(syncProduct({ organizationId: org.organizationId, tiktokProductId: id, reason: "sync-now" })).rejects.toMatchObject({ kind: "retryable" });
    expect(await sandboxWrites(shop.shopId, products[0]!.externalId)).toEqual([PRICE]);
    expect(await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: id } })).toMatchObject({ status: "QUEUED", lastSyncedAt: null });
    vi.restoreAllMocks();
    expect(await syncProduct({ organizationId: org.organizationId, tiktokProductId: id, reason: "sync-now" })).toMatchObject({ status: "SYNCED" });
    expect(await sandboxWrites(shop.shopId, products[0]!.externalId)).toEqual([PRICE, INVENTORY]);
  });

  it("an answer lost after TikTok applied the write is not written twice", async () => {
    const { org, shop, products } = await setup();
    injectTikTokFaults({ path: /prices\/update$/, fault: "lostAnswer", times: 3 });
    await expect(syncProduct({ organizationId: org.organizationId, tiktokProductId: products[0]!.tiktokProductId, reason: "sync-now" })).rejects.toBeTruthy();
    vi.restoreAllMocks();
    await syncProduct({ organizationId: org.organizationId, tiktokProductId: products[0]!.tiktokProductId, reason: "sync-now" });
    const writes = await sandboxWrites(shop.shopId, products[0]!.externalId);
    // The client's own retries resent the same absolute price (idempotent); the job's retry sent none.
    expect(writes.filter((w) => w !== PRICE)).toEqual([INVENTORY]);
    expect((await sandboxProduct(shop.shopId, products[0]!.externalId)).skus[0]!.price.sale_price).toBe("50.00");
  });

  it("a page that keeps failing ends with each product FAILED and a clear reason, never SYNCED", async () => {
    const { org, shop, products } = await setup(3);
    injectTikTokFaults({ path: /inventory\/update$/, fault: "internal", times: 1000 });
    const page = await syncShopPage({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, after: null, reason: "reconcile" });
    expect(page).toMatchObject({ synced: 0, failed: 3 });
    const states = await testDb.productSyncState.findMany();
    expect(states.map((s) => s.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
    expect(states[0]!.lastError).toMatch(/TikTok Shop refused it \(36009003\)/);
    vi.restoreAllMocks();
    const again = await syncShopPage({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId, after: null, reason: "reconcile" });
    expect(again).toMatchObject({ synced: 3, failed: 0 });
    for (const p of products) expect((await sandboxWrites(shop.shopId, p.externalId)).filter((w) => w === INVENTORY)).toHaveLength(1);
  });
});
