import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { mapSkus, mapSkusSchema } from "./map-skus";
import { searchShopifyVariants } from "./search-variants";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function catalog() {
  const stores = await pairedStores(testDb);
  await shopifyProduct(testDb, stores, { title: "Socks A", variants: [{ sku: "SOCK-1", barcode: "111" }] });
  await shopifyProduct(testDb, stores, { title: "Socks B", variants: [{ sku: "SOCK-1", barcode: "222" }] });
  await tiktokProduct(testDb, stores, { title: "Socks", skus: [{ sellerSku: "SOCK-1" }] });
  await tiktokProduct(testDb, stores, { title: "Other socks", skus: [{ sellerSku: "SOCK-2" }] });
  const org = { ...stores.org, organizationSlug: "x", organizationName: "x", role: "OWNER" as const };
  const skus = await testDb.tikTokSku.findMany({ orderBy: { sellerSku: "asc" } });
  const variants = await testDb.shopifyVariant.findMany({ include: { product: true }, orderBy: { barcode: "asc" } });
  return { stores, org, skus, variants };
}

describe("search-and-pick", () => {
  it("finds variants by SKU, title and barcode, with whether they are mapped", async () => {
    const { stores, org, skus, variants } = await catalog();
    const bySku = await searchShopifyVariants({ organizationId: stores.organizationId, query: { tiktokConnectionId: stores.tiktokConnectionId, q: "sock-1", limit: 20 } });
    expect(bySku.variants.map((v) => v.productTitle)).toEqual(["Socks A", "Socks B"]);
    const byBarcode = await searchShopifyVariants({ organizationId: stores.organizationId, query: { tiktokConnectionId: stores.tiktokConnectionId, q: "222", limit: 20 } });
    expect(byBarcode.variants.map((v) => v.productTitle)).toEqual(["Socks B"]);
    await mapSkus({ org, input: { tiktokConnectionId: stores.tiktokConnectionId, pairs: [{ tiktokSkuId: skus[0]!.id, shopifyVariantId: variants[0]!.id }] } });
    const after = await searchShopifyVariants({ organizationId: stores.organizationId, query: { tiktokConnectionId: stores.tiktokConnectionId, q: "Socks A", limit: 20 } });
    expect(after.variants[0]!.mappedFromTikTokSkuId).toBe(skus[0]!.id);
  });

  it("maps by hand (rule MANUAL), remaps, and refuses a variant another SKU holds", async () => {
    const { stores, org, skus, variants } = await catalog();
    const input = (tiktokSkuId: string, shopifyVariantId: string) => ({ tiktokConnectionId: stores.tiktokConnectionId, pairs: [{ tiktokSkuId, shopifyVariantId }] });
    await mapSkus({ org, input: input(skus[0]!.id, variants[0]!.id) });
    expect(await testDb.mapping.findFirstOrThrow()).toMatchObject({ rule: "MANUAL", shopifyVariantId: variants[0]!.id, createdById: org.userId });
    await mapSkus({ org, input: input(skus[0]!.id, variants[1]!.id) });
    expect(await testDb.mapping.findMany()).toEqual([expect.objectContaining({ tiktokSkuId: skus[0]!.id, shopifyVariantId: variants[1]!.id })]);
    await expect(mapSkus({ org, input: input(skus[1]!.id, variants[1]!.id) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.mapping.count()).toBe(1);
  });

  it("refuses another organization's ids and bad input, changing nothing", async () => {
    const { stores, org, skus } = await catalog();
    const other = await pairedStores(testDb);
    await shopifyProduct(testDb, other, { title: "Foreign", variants: [{ sku: "F-1" }] });
    const foreign = await testDb.shopifyVariant.findFirstOrThrow({ where: { organizationId: other.organizationId } });
    await expect(mapSkus({ org, input: { tiktokConnectionId: stores.tiktokConnectionId, pairs: [{ tiktokSkuId: skus[0]!.id, shopifyVariantId: foreign.id }] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mapSkus({ org, input: { tiktokConnectionId: other.tiktokConnectionId, pairs: [{ tiktokSkuId: skus[0]!.id, shopifyVariantId: foreign.id }] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(mapSkusSchema.safeParse({ tiktokConnectionId: stores.tiktokConnectionId, pairs: [] }).success).toBe(false);
    expect(await testDb.mapping.count()).toBe(0);
  });
});
