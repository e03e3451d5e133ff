import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { setDbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { listProducts } from "./list-products";
import { largeCatalogPartlyMapped, largeCatalogSku, largeCatalogTab, largeCatalogTitle, seedLargeCatalog } from "./product-list-fixtures";
import { containsPattern, type ListProductsQueryInput, type ProductTab } from "./product-list-query";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const PRODUCTS = 120;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const expectedNumbers = (tab: ProductTab, n = PRODUCTS) => range(n).filter((i) => largeCatalogTab(i) === tab);
const numberOf = (id: string) => Number(/-p(\d+)$/.exec(id)![1]);

async function allPages({ organizationId, query }: { organizationId: string; query: ListProductsQueryInput }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listProducts({ organizationId, query: { ...query, cursor } });
    ids.push(...page.products.map((p) => p.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listProducts", () => {
  it("puts every product in its tab, with counts, SKUs, mappings and the shop's name", async () => {
    const shop = await seedLargeCatalog({ client: testDb, name: "acme", products: PRODUCTS, skusPerProduct: 3 });
    const first = await listProducts({ organizationId: shop.organizationId, query: { tab: "unmapped", limit: 100 } });
    expect(first.counts).toEqual({
      unmapped: expectedNumbers("unmapped").length,
      mapped: expectedNumbers("mapped").length,
      attention: expectedNumbers("attention").length,
    });
    for (const tab of ["unmapped", "mapped", "attention"] as const) {
      const ids = await allPages({ organizationId: shop.organizationId, query: { tab, limit: 100 } });
      expect(ids.map(numberOf), tab).toEqual(expectedNumbers(tab));
    }

    const partly = first.products.find((p) => numberOf(p.id) === 12)!;
    expect(partly).toMatchObject({ title: largeCatalogTitle(12), partlyMapped: true, skuCount: 3, mappedSkuCount: 1, shop: { id: shop.tiktokConnectionId, name: "acme shop" } });
    expect(partly.skus.map((s) => s.sellerSku)).toEqual([1, 2, 3].map((sku) => largeCatalogSku({ name: "acme", product: 12, sku })));
    expect(partly.skus[0]!.mapping).toMatchObject({ status: "ACTIVE", rule: "EXACT_SKU", problem: null, variant: { title: "S1", sku: "ACME-000012-1" }, product: { title: "Shopify 12" } });
    expect(partly.skus[1]!.mapping).toBeNull();
    expect(first.products.find((p) => numberOf(p.id) === 13)!.partlyMapped).toBe(false);
    expect(first.products.every((p) => largeCatalogPartlyMapped(numberOf(p.id)) === p.partlyMapped)).toBe(true);

    const mapped = await listProducts({ organizationId: shop.organizationId, query: { tab: "mapped", limit: 1 } });
    expect(mapped.products[0]).toMatchObject({ title: largeCatalogTitle(1), partlyMapped: false, skuCount: 3, mappedSkuCount: 3 });

    const attention = await listProducts({ organizationId: shop.organizationId, query: { tab: "attention" } });
    const [archived, deletedVariant] = attention.products;
    expect(numberOf(archived!.id)).toBe(5);
    expect(archived!.skus[0]!.mapping).toMatchObject({ status: "ARCHIVED", problem: expect.stringMatching(/Map this SKU to another variant/) });
    expect(numberOf(deletedVariant!.id)).toBe(15);
    expect(deletedVariant!.skus[0]!.mapping).toMatchObject({ status: "ACTIVE", problem: "The Shopify variant was deleted. Map this SKU to another variant." });
    // Under the title: why, and what to do.
    expect(archived!.attention).toEqual([{ reason: "SKU ACME-000005-1: The Shopify variant was deleted. Map this SKU to another variant.", fix: expect.stringContaining("Map…") }]);
    expect(deletedVariant!.attention).toEqual([{ reason: "SKU ACME-000015-1: The Shopify variant was deleted. Map this SKU to another variant.", fix: expect.stringContaining("Unmap") }]);
    expect(partly.attention).toEqual([]);
    expect(mapped.products[0]!.attention).toEqual([]);
  });

  it("sends a product to Needs attention once its variant's Shopify product is deleted, and drops deleted TikTok products", async () => {
    const shop = await seedLargeCatalog({ client: testDb, name: "acme", products: 20, skusPerProduct: 2 });
    await testDb.shopifyProduct.update({ where: { id: "acme-sp1" }, data: { deletedAt: new Date() } });
    await testDb.shopifyVariant.updateMany({ where: { productId: "acme-sp1" }, data: { deletedAt: new Date() } });
    await testDb.tikTokProduct.update({ where: { id: "acme-p4" }, data: { deletedAt: new Date(), status: "DELETED" } });
    const attention = await listProducts({ organizationId: shop.organizationId, query: { tab: "attention" } });
    expect(attention.products.map((p) => numberOf(p.id))).toEqual([1, 5, 15]);
    expect(attention.products[0]!.skus[0]!.mapping!.problem).toBe("The Shopify product was deleted. Map this SKU to another variant.");
    // Both SKUs lost their variant the same way: one line naming both.
    expect(attention.products[0]!.attention).toEqual([{ reason: "SKUs ACME-000001-1, ACME-000001-2: The Shopify product was deleted. Map this SKU to another variant.", fix: expect.any(String) }]);
    const unmapped = await allPages({ organizationId: shop.organizationId, query: { tab: "unmapped" } });
    expect(unmapped.map(numberOf)).not.toContain(4);
  });

  it("searches titles, seller SKUs and barcodes, with LIKE wildcards taken literally", async () => {
    const shop = await seedLargeCatalog({ client: testDb, name: "acme", products: PRODUCTS, skusPerProduct: 2 });
    const search = async (q: string, tab: ProductTab = "unmapped") =>
      (await listProducts({ organizationId: shop.organizationId, query: { tab, q, limit: 100 } })).products.map((p) => numberOf(p.id));

    expect(await search("product 000042")).toEqual([42]);
    expect(await search("acme-000043-2")).toEqual([43]);
    expect(await search("400000000442")).toEqual([44]); // product 44, SKU 2
    const hoodies = expectedNumbers("unmapped").filter((i) => largeCatalogTitle(i).includes("Hoodie"));
    expect(hoodies.length).toBeGreaterThan(3);
    expect(await search("  hOODie ")).toEqual(hoodies);
    expect(await search("%")).toEqual([]);
    expect(await search("Product_0")).toEqual([]);
    const counts = (await listProducts({ organizationId: shop.organizationId, query: { q: "product 000011" } })).counts;
    expect(counts).toEqual({ unmapped: 0, mapped: 1, attention: 0 });
    expect(await search("product 000011", "mapped")).toEqual([11]);
  });

  it("filters by shop and status, and leaves out shops that are not connected", async () => {
    const us = await seedLargeCatalog({ client: testDb, name: "acme", products: 30, skusPerProduct: 2 });
    const uk = await seedLargeCatalog({ client: testDb, name: "acmeuk", products: 10, skusPerProduct: 2, organizationId: us.organizationId });
    const list = (query: ListProductsQueryInput) => listProducts({ organizationId: us.organizationId, query: { limit: 100, ...query } });

    expect((await list({})).counts.unmapped).toBe(expectedNumbers("unmapped", 30).length + expectedNumbers("unmapped", 10).length);
    const ukOnly = await list({ shop: uk.tiktokConnectionId });
    expect(ukOnly.products.every((p) => p.shop.id === uk.tiktokConnectionId && p.shop.name === "acmeuk shop")).toBe(true);
    expect(ukOnly.counts).toEqual({ unmapped: expectedNumbers("unmapped", 10).length, mapped: expectedNumbers("mapped", 10).length, attention: 1 });

    const deactivated = await list({ tab: "unmapped", status: "SELLER_DEACTIVATED" });
    expect(deactivated.products).toEqual([]);
    const active = await list({ tab: "mapped", status: "ACTIVATE", shop: us.tiktokConnectionId });
    expect(active.products.map((p) => numberOf(p.id))).toEqual(expectedNumbers("mapped", 30));

    await testDb.connection.update({ where: { id: uk.tiktokConnectionId }, data: { status: "DISCONNECTED" } });
    expect((await list({})).counts.unmapped).toBe(expectedNumbers("unmapped", 30).length);
    expect((await list({ shop: uk.tiktokConnectionId })).products).toEqual([]);
  });

  it("pages by keyset over equal titles, covering every product exactly once", async () => {
    const shop = await seedLargeCatalog({ client: testDb, name: "acme", products: 60, skusPerProduct: 2 });
    await testDb.tikTokProduct.updateMany({ where: { organizationId: shop.organizationId, id: { in: ["acme-p13", "acme-p24", "acme-p7", "acme-p38"] } }, data: { title: "Same title" } });
    const ids = await allPages({ organizationId: shop.organizationId, query: { tab: "unmapped", limit: 4 } });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(numberOf).sort((a, b) => a - b)).toEqual(expectedNumbers("unmapped", 60));
    const same = ids.filter((id) => ["acme-p13", "acme-p24", "acme-p7", "acme-p38"].includes(id));
    expect(same).toEqual([...same].sort());
  });

  it("never lists another organization's products, even with its shop id", async () => {
    const mine = await seedLargeCatalog({ client: testDb, name: "mine", products: 20, skusPerProduct: 2 });
    const theirs = await seedLargeCatalog({ client: testDb, name: "theirs", products: 20, skusPerProduct: 2 });
    for (const tab of ["unmapped", "mapped", "attention"] as const) {
      const ids = await allPages({ organizationId: mine.organizationId, query: { tab } });
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id.startsWith("mine-"))).toBe(true);
    }
    const probe = await listProducts({ organizationId: mine.organizationId, query: { shop: theirs.tiktokConnectionId, q: "THEIRS" } });
    expect(probe).toMatchObject({ products: [], counts: { unmapped: 0, mapped: 0, attention: 0 } });
  });

  it.each<[string, unknown]>([
    ["an unknown tab", { tab: "all" }],
    ["a limit over 100", { limit: "101" }],
    ["a limit of 0", { limit: "0" }],
    ["an unknown status", { status: "LIVE" }],
    ["an unknown parameter", { sort: "title" }],
    ["a search over 200 characters", { q: "x".repeat(201) }],
  ])("refuses %s", async (_, query) => {
    await expect(listProducts({ organizationId: "org", query: query as ListProductsQueryInput })).rejects.toBeInstanceOf(ZodError);
  });

  it("refuses a forged cursor", async () => {
    await expect(listProducts({ organizationId: "org", query: { cursor: "not-a-cursor" } })).rejects.toMatchObject({ code: "BAD_REQUEST" } satisfies Partial<AppError>);
  });
});

describe("containsPattern", () => {
  it.each([
    ["tee", "%tee%"],
    ["50%", "%50\\%%"],
    ["a_b", "%a\\_b%"],
    ["c:\\x", "%c:\\\\x%"],
  ])("%s → %s", (term, pattern) => expect(containsPattern(term)).toBe(pattern));
});

describe("listProducts with 100,000 SKUs", () => {
  it("returns the right first page, counts and search hits", { timeout: 120_000 }, async () => {
    const products = 25_000;
    const shop = await seedLargeCatalog({ client: testDb, name: "big", products, skusPerProduct: 4 });
    expect(await testDb.tikTokSku.count({ where: { organizationId: shop.organizationId } })).toBe(100_000);
    const page = await listProducts({ organizationId: shop.organizationId, query: { tab: "unmapped", limit: 50 } });
    expect(page.counts).toEqual({
      unmapped: expectedNumbers("unmapped", products).length,
      mapped: expectedNumbers("mapped", products).length,
      attention: expectedNumbers("attention", products).length,
    });
    expect(page.products.map((p) => p.title)).toEqual(expectedNumbers("unmapped", products).slice(0, 50).map(largeCatalogTitle));
    expect(page.products.every((p) => p.skus.length === 4)).toBe(true);
    const next = await listProducts({ organizationId: shop.organizationId, query: { tab: "unmapped", limit: 50, cursor: page.nextCursor! } });
    expect(next.products.map((p) => p.title)).toEqual(expectedNumbers("unmapped", products).slice(50, 100).map(largeCatalogTitle));
    const hit = await listProducts({ organizationId: shop.organizationId, query: { tab: "mapped", q: "BIG-024991-3" } });
    expect(hit.products.map((p) => p.title)).toEqual([largeCatalogTitle(24_991)]);
  });
});
