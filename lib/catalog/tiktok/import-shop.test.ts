// Integration: the TikTok catalog import against the shared sandbox, step by step as the job runs it.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "@/lib/testing/connected-stores";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { sandboxControl } from "@/lib/testing/sandbox-browser";
import { normalizeSku } from "../normalize-sku";
import { finishTikTokImport, RECONCILE_OVERLAP_MS, startTikTokImport } from "./import-shop";
import { DETAIL_ROUTE, runTikTokImport, SEARCH_ROUTE, sandboxLogMark, sandboxShopCalls, seedSandboxProducts, type SandboxProductSeed } from "./import-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function tiktokShop(options: { sellerType?: "LOCAL" | "CROSS_BORDER"; regions?: string[] } = {}) {
  const org = await newOrganization();
  const shopify = await connectedShopifyStore(org);
  const { sellerId, shops } = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId, ...options });
  return { org, sellerId, shops };
}

const HAND_MADE: SandboxProductSeed[] = [
  {
    title: "Classic Crew Tee",
    images: ["https://img.example.test/tee-front.jpg", "https://img.example.test/tee-back.jpg"],
    skus: [
      { sellerSku: "FD-TEE-BLK-M", price: "19.99", quantity: 5, barcode: "012345678905", salesAttributes: [{ name: "Color", value: "Black" }, { name: "Size", value: "M" }] },
      { sellerSku: "  FD Tee   BLK-L ", price: "21.5", quantity: 0, barcode: "4006381333931", salesAttributes: [{ name: "Color", value: "Black" }, { name: "Size", value: "L" }] },
    ],
  },
  { title: "TikTok LIVE Mystery Box", status: "SELLER_DEACTIVATED", skus: [{ sellerSku: "TT-MYSTERY-01", price: "1234.5678", quantity: 99_999 }] },
  { title: "Draft Beanie", status: "DRAFT", skus: [{ sellerSku: "fd-beanie-blk", price: "0.01", quantity: 1 }] },
];

const generated = (n: number): SandboxProductSeed[] =>
  Array.from({ length: n }, (_, i) => ({ title: `Sock ${i}`, skus: [{ sellerSku: `SOCK-${i}`, price: `${(i % 40) + 1}.25`, quantity: i, barcode: String(100_000_000_000 + i) }] }));

// "21.50" and "21.5" are the same decimal: the cache must hold the amount exactly, not its spelling.
const decimal = (amount: string) => (amount.includes(".") ? amount.replace(/\.?0+$/, "") : amount);

// The product as the sandbox's own control API shows it, turned into what the cache must hold.
async function expectedRows(shopId: string, productIds: string[]) {
  const rows = [];
  for (const id of productIds) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- control API answers are read loosely in tests
    const p = await sandboxControl<any>("GET", `/__sandbox/tiktok/shops/${shopId}/products/${id}`);
    rows.push({
      externalId: p.id,
      title: p.title,
      status: p.status,
      imageUrl: p.main_images[0]?.urls[0] ?? null,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      skus: p.skus.map((k: any) => ({
        externalId: k.id,
        sellerSku: k.seller_sku,
        sellerSkuNormalized: normalizeSku(k.seller_sku),
        identifierCode: k.identifier_code?.code ?? null,
        identifierType: k.identifier_code?.type ?? null,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        options: k.sales_attributes.map((a: any) => ({ name: a.name, value: a.value_name })),
        price: decimal(k.price.sale_price),
        currency: k.price.currency,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        inventoryQuantity: k.inventory.reduce((sum: number, w: any) => sum + w.quantity, 0),
      })),
    });
  }
  return rows.sort((a, b) => a.externalId.localeCompare(b.externalId));
}

async function cachedRows(connectionId: string) {
  const products = await testDb.tikTokProduct.findMany({ where: { connectionId }, include: { skus: { orderBy: { externalId: "asc" } } }, orderBy: { externalId: "asc" } });
  return products.map((p) => ({
    externalId: p.externalId,
    title: p.title,
    status: p.status,
    imageUrl: p.imageUrl,
    skus: p.skus.map((k) => ({
      externalId: k.externalId,
      sellerSku: k.sellerSku,
      sellerSkuNormalized: k.sellerSkuNormalized,
      identifierCode: k.identifierCode,
      identifierType: k.identifierType,
      options: k.options,
      price: k.price.toString(),
      currency: k.currency,
      inventoryQuantity: k.inventoryQuantity,
    })),
  }));
}

describe("TikTok catalog import", () => {
  it("caches every product and SKU exactly, within 1.1 × the minimum calls, and a second run reads no detail", async () => {
    const { shops: [shop] } = await tiktokShop();
    const created = await seedSandboxProducts({ shopId: shop!.shopId, products: [...HAND_MADE, ...generated(102)] });
    const mark = await sandboxLogMark();

    const first = await runTikTokImport({ connectionId: shop!.connectionId });

    expect(first.status).toBe("SUCCEEDED");
    const ids = created.map((p) => p.id).sort();
    const expected = await expectedRows(shop!.shopId, ids);
    expect(await cachedRows(shop!.connectionId)).toEqual(expected);
    expect(await testDb.tikTokSku.count({ where: { connectionId: shop!.connectionId } })).toBe(106);

    const [tee] = await testDb.tikTokProduct.findMany({ where: { connectionId: shop!.connectionId, title: "Classic Crew Tee" }, include: { skus: { orderBy: { sellerSku: "asc" } } } });
    expect(tee!.imageUrl).toBe("https://img.example.test/tee-front.jpg");
    expect(tee!.platformUpdatedAt.getTime() % 1000).toBe(0);
    expect(tee!.skus.map((k) => [k.sellerSkuNormalized, k.identifierCode, k.identifierType, k.price.toString(), k.currency, k.options])).toEqual([
      ["fd tee blk-l", "4006381333931", "EAN", "21.5", "USD", [{ name: "Color", value: "Black" }, { name: "Size", value: "L" }]],
      ["fd-tee-blk-m", "012345678905", "UPC", "19.99", "USD", [{ name: "Color", value: "Black" }, { name: "Size", value: "M" }]],
    ]);
    const mystery = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: shop!.connectionId, sellerSku: "TT-MYSTERY-01" }, include: { product: true } });
    expect([mystery.price.toString(), mystery.inventoryQuantity, mystery.identifierCode, mystery.product.status]).toEqual(["1234.5678", 99_999, null, "SELLER_DEACTIVATED"]);

    const calls = await sandboxShopCalls({ after: mark, shopId: shop!.shopId });
    const answered = calls.filter((c) => c.status === 200);
    const searches = answered.filter((c) => c.route === SEARCH_ROUTE).length;
    const details = answered.filter((c) => c.route === DETAIL_ROUTE).length;
    const minimum = Math.ceil(105 / 100) + 105;
    expect([searches, details]).toEqual([2, 105]);
    // Every call TikTok received counts, a throttled one (429) included.
    expect(calls.length).toBeLessThanOrEqual(1.1 * minimum);
    expect(calls.filter((c) => c.status !== 200 && c.status !== 429)).toEqual([]);
    const run = await testDb.catalogImport.findUniqueOrThrow({ where: { id: first.importId } });
    expect([run.processed, run.total, run.apiCalls, run.kind]).toEqual([105, 105, searches + details, "full"]);

    const secondMark = await sandboxLogMark();
    const second = await runTikTokImport({ connectionId: shop!.connectionId });
    const again = await sandboxShopCalls({ after: secondMark, shopId: shop!.shopId });
    expect(again.map((c) => c.route)).toEqual([SEARCH_ROUTE, SEARCH_ROUTE]);
    expect(second.deleted).toBe(0);
    expect(await cachedRows(shop!.connectionId)).toEqual(expected);
  });

  it("never lets an older update_time overwrite a newer row", async () => {
    const { shops: [shop] } = await tiktokShop();
    const [created] = await seedSandboxProducts({ shopId: shop!.shopId, products: HAND_MADE.slice(0, 1) });
    const imported = await runTikTokImport({ connectionId: shop!.connectionId });

    // A reconcile starts from the last success (or the newest update_time held, if earlier) minus the overlap.
    const { startedAt } = await testDb.catalogImport.findUniqueOrThrow({ where: { id: imported.importId } });
    const { platformUpdatedAt } = await testDb.tikTokProduct.findFirstOrThrow({ where: { connectionId: shop!.connectionId } });
    const probe = await startTikTokImport({ connectionId: shop!.connectionId, kind: "reconcile" });
    const from = Math.min(startedAt.getTime(), platformUpdatedAt.getTime()) - RECONCILE_OVERLAP_MS;
    expect(probe.cursor.windows).toEqual([{ updateGe: Math.floor(from / 1000), updateLe: null, createGe: null, createLe: null, skip: 0 }]);
    await finishTikTokImport({ importId: probe.importId });
    // A day after the platform's own time (the shared sandbox clock may run ahead of the wall clock).
    const future = new Date(platformUpdatedAt.getTime() + 86_400_000);
    await testDb.tikTokProduct.update({
      where: { connectionId_externalId: { connectionId: shop!.connectionId, externalId: created!.id } },
      data: { title: "Renamed by a newer event", platformUpdatedAt: future, detailFetchedAt: null },
    });

    const mark = await sandboxLogMark();
    await runTikTokImport({ connectionId: shop!.connectionId, kind: "reconcile" });
    await runTikTokImport({ connectionId: shop!.connectionId, kind: "full" });

    const row = await testDb.tikTokProduct.findUniqueOrThrow({ where: { connectionId_externalId: { connectionId: shop!.connectionId, externalId: created!.id } } });
    expect([row.title, row.platformUpdatedAt.getTime(), row.deletedAt]).toEqual(["Renamed by a newer event", future.getTime(), null]);
    expect((await sandboxShopCalls({ after: mark, shopId: shop!.shopId })).map((c) => c.route)).toEqual([SEARCH_ROUTE, SEARCH_ROUTE]);
  });

  it("marks products a completed full run did not see as deleted, and never after a failure or a reconcile", async () => {
    const { shops: [shop] } = await tiktokShop();
    await seedSandboxProducts({ shopId: shop!.shopId, products: HAND_MADE.slice(1, 2) });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: shop!.connectionId } });
    const longAgo = new Date(Date.now() - 3_600_000);
    const ghost = await testDb.tikTokProduct.create({
      data: {
        organizationId: connection.organizationId, connectionId: connection.id, externalId: "1729000000000000001", title: "Gone from TikTok",
        status: "ACTIVATE", platformUpdatedAt: longAgo, detailFetchedAt: longAgo, importedAt: longAgo,
        skus: { create: { organizationId: connection.organizationId, connectionId: connection.id, externalId: "1729000000000000002", options: [], price: "3.00", currency: "USD" } },
      },
    });

    const failed = await startTikTokImport({ connectionId: shop!.connectionId, kind: "full" });
    expect(await finishTikTokImport({ importId: failed.importId, error: new Error("TikTok was down") })).toEqual({ status: "FAILED", deleted: 0 });
    expect((await testDb.catalogImport.findUniqueOrThrow({ where: { id: failed.importId } })).error).toBe("TikTok was down");
    await runTikTokImport({ connectionId: shop!.connectionId, kind: "reconcile" });
    expect((await testDb.tikTokProduct.findUniqueOrThrow({ where: { id: ghost.id } })).deletedAt).toBeNull();

    const full = await runTikTokImport({ connectionId: shop!.connectionId, kind: "full" });
    expect(full.deleted).toBe(1);
    const gone = await testDb.tikTokProduct.findUniqueOrThrow({ where: { id: ghost.id }, include: { skus: true } });
    expect([gone.status, gone.deletedAt !== null, gone.skus.length]).toEqual(["DELETED", true, 1]);
    expect(await testDb.tikTokProduct.count({ where: { connectionId: shop!.connectionId, deletedAt: null } })).toBe(1);
  });

  it("imports a cross-border shop's local products with their global product id", async () => {
    const { sellerId, shops } = await tiktokShop({ sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
    const [gb, de] = shops;
    const { globalProducts } = await sandboxControl<{ globalProducts: { id: string; localProducts: { shopId: string; productId: string }[] }[] }>("POST", "/__sandbox/tiktok/global-products", {
      sellerId,
      publishTo: [gb!.shopId, de!.shopId],
      products: HAND_MADE.slice(0, 2).map((p) => ({ ...p, status: undefined })),
    });

    await runTikTokImport({ connectionId: gb!.connectionId });

    const cached = await testDb.tikTokProduct.findMany({ where: { connectionId: gb!.connectionId }, include: { skus: true }, orderBy: { externalId: "asc" } });
    const expected = globalProducts.map((g) => ({ externalId: g.localProducts.find((l) => l.shopId === gb!.shopId)!.productId, globalProductId: g.id })).sort((a, b) => a.externalId.localeCompare(b.externalId));
    expect(cached.map((p) => ({ externalId: p.externalId, globalProductId: p.globalProductId }))).toEqual(expected);
    expect(cached.flatMap((p) => p.skus.map((k) => k.currency))).toEqual(["GBP", "GBP", "GBP"]);
    expect(await testDb.tikTokProduct.count({ where: { connectionId: de!.connectionId } })).toBe(0);
  });
});
