import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { computeProposals, type ReviewProduct } from "./compute-proposals";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const size = (value: string) => [{ name: "Size", value }];

async function smallCatalog() {
  const stores = await pairedStores(testDb);
  const shirt = await shopifyProduct(testDb, stores, { title: "Linen Shirt", variants: [{ sku: "LS-S", options: size("S") }, { sku: "LS-M", options: size("M") }] });
  const beanie = await shopifyProduct(testDb, stores, { title: "Wool Beanie", variants: [{ sku: "WB-1", barcode: "012345678905" }] });
  const tote = await shopifyProduct(testDb, stores, { title: "Canvas Tote Natural", variants: [{ options: [{ name: "Title", value: "Default Title" }] }] });
  await shopifyProduct(testDb, stores, { title: "Dup A", variants: [{ sku: "DUP" }] });
  await shopifyProduct(testDb, stores, { title: "Dup B", variants: [{ sku: "dup" }] });
  const tShirt = await tiktokProduct(testDb, stores, { title: "Linen Shirt", skus: [{ sellerSku: "LS-S", options: size("S") }, { sellerSku: " ls-m ", options: size("M") }] });
  const tBeanie = await tiktokProduct(testDb, stores, { title: "Beanie", skus: [{ identifierCode: "0012345678905" }] });
  const tTote = await tiktokProduct(testDb, stores, { title: "Canvas Tote", skus: [{}] });
  const tDup = await tiktokProduct(testDb, stores, { title: "Dup", skus: [{ sellerSku: "Dup" }] });
  await tiktokProduct(testDb, stores, { title: "Linen Shirt old", status: "SELLER_DEACTIVATED", skus: [{ sellerSku: "LS-S" }] });
  return { stores, shirt, beanie, tote, tShirt, tBeanie, tTote, tDup };
}

async function allPages(options: { organizationId: string; tiktokConnectionId: string; limit: number }) {
  const products: ReviewProduct[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await computeProposals({ ...options, cursor });
    products.push(...page.products);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { products, pages };
}

describe("computeProposals", () => {
  it("proposes, explains and pre-checks only clean matches", async () => {
    const c = await smallCatalog();
    const page = await computeProposals({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId });
    expect(page.nextCursor).toBeNull();
    expect(page.shopifyConnectionId).toBe(c.stores.shopifyConnectionId);
    const byTitle = new Map(page.products.map((product) => [product.title, product]));
    expect([...byTitle.keys()].sort()).toEqual(["Beanie", "Canvas Tote", "Dup", "Linen Shirt"]);

    const shirt = byTitle.get("Linen Shirt")!;
    expect(shirt.conflicts).toEqual([]);
    expect(shirt.rows.map((row) => [row.shopify?.variantId, row.rule, row.reason, row.checked])).toEqual([
      [c.shirt.variants[0]!.id, "EXACT_SKU", "Same SKU", true],
      [c.shirt.variants[1]!.id, "NORMALIZED_SKU", "Same SKU ignoring case and spaces", true],
    ]);
    expect(shirt.rows[0]).toMatchObject({
      tiktok: { sku: "LS-S", options: size("S"), price: { amount: "27.5", currency: "USD" } },
      shopify: { productTitle: "Linen Shirt", sku: "LS-S", options: size("S"), price: { amount: "25", currency: "USD" } },
    });
    expect(shirt.rows[0]!.snapshot).toMatch(/^[\w-]{22}$/);

    expect(byTitle.get("Beanie")!.rows[0]).toMatchObject({ rule: "BARCODE", reason: "Same barcode 0012345678905", checked: true, shopify: { variantId: c.beanie.variants[0]!.id } });
    expect(byTitle.get("Canvas Tote")!.rows[0]).toMatchObject({ rule: "TITLE_OPTIONS", reason: "Similar title and options", checked: false, shopify: { variantId: c.tote.variants[0]!.id } });

    const dup = byTitle.get("Dup")!.rows[0]!;
    expect(dup).toMatchObject({ shopify: null, rule: "NORMALIZED_SKU", reason: "Several Shopify variants have this SKU", checked: false });
    expect(dup.conflicts).toEqual([{ kind: "SHARED_BY_SHOPIFY_VARIANTS", message: expect.stringContaining("2 Shopify variants have the SKU Dup: Dup A – Default Title, Dup B – Default Title") }]);
  });

  it("shows a partly mapped product with only its unmapped SKUs and hides fully mapped ones", async () => {
    const c = await smallCatalog();
    const base = { organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId, shopifyConnectionId: c.stores.shopifyConnectionId, rule: "MANUAL" as const };
    await testDb.mapping.create({ data: { ...base, tiktokSkuId: c.tShirt.skus[0]!.id, shopifyVariantId: c.shirt.variants[0]!.id } });
    await testDb.mapping.create({ data: { ...base, tiktokSkuId: c.tBeanie.skus[0]!.id, shopifyVariantId: c.beanie.variants[0]!.id } });
    const page = await computeProposals({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId });
    const shirt = page.products.find((product) => product.title === "Linen Shirt")!;
    expect(shirt).toMatchObject({ alreadyMappedSkus: 1, totalSkus: 2, conflicts: [] });
    expect(shirt.rows.map((row) => [row.tiktokSkuId, row.checked])).toEqual([[c.tShirt.skus[1]!.id, true]]);
    expect(page.products.some((product) => product.title === "Beanie")).toBe(false);
  });

  it("flags a variant already mapped from another TikTok SKU and a TikTok SKU shared across products", async () => {
    const stores = await pairedStores(testDb);
    const shopify = await shopifyProduct(testDb, stores, { title: "Tee", variants: [{ sku: "TEE" }] });
    const mappedElsewhere = await tiktokProduct(testDb, stores, { title: "Tee old", skus: [{ sellerSku: "TEE" }] });
    await testDb.mapping.create({
      data: { organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId, shopifyConnectionId: stores.shopifyConnectionId, tiktokSkuId: mappedElsewhere.skus[0]!.id, shopifyVariantId: shopify.variants[0]!.id, rule: "MANUAL" },
    });
    await tiktokProduct(testDb, stores, { title: "Tee new", skus: [{ sellerSku: "tee" }] });
    const page = await computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
    expect(page.products).toHaveLength(1);
    expect(page.products[0]!.rows[0]!.checked).toBe(false);
    expect(page.products[0]!.rows[0]!.conflicts.map((conflict) => conflict.kind).sort()).toEqual(["SHARED_BY_TIKTOK_SKUS", "VARIANT_ALREADY_MAPPED"]);
  });

  it("pages by TikTok product with a keyset cursor, each product once", async () => {
    const c = await smallCatalog();
    const all = await computeProposals({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId });
    const paged = await allPages({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId, limit: 1 });
    expect(paged.pages).toBe(4);
    expect(paged.products).toEqual(all.products);
  });

  it("never proposes another tenant's variants and refuses another tenant's shop", async () => {
    const c = await smallCatalog();
    const other = await pairedStores(testDb);
    await shopifyProduct(testDb, other, { title: "Linen Shirt", variants: [{ sku: "DUP-X" }] });
    await tiktokProduct(testDb, other, { title: "Dup X", skus: [{ sellerSku: "LS-S" }] });
    const page = await computeProposals({ organizationId: c.stores.organizationId, tiktokConnectionId: c.stores.tiktokConnectionId });
    const variantIds = page.products.flatMap((product) => product.rows.flatMap((row) => (row.shopify ? [row.shopify.variantId] : [])));
    const ours = await testDb.shopifyVariant.findMany({ where: { id: { in: variantIds } }, select: { organizationId: true } });
    expect(ours.every((variant) => variant.organizationId === c.stores.organizationId)).toBe(true);
    expect(page.products.flatMap((product) => product.rows)).toHaveLength(5);
    await expect(computeProposals({ organizationId: c.stores.organizationId, tiktokConnectionId: other.tiktokConnectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks to pair the shop first", async () => {
    const stores = await pairedStores(testDb);
    await testDb.connection.update({ where: { id: stores.tiktokConnectionId }, data: { pairedShopifyId: null } });
    await expect(computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
