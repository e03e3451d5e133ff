// Integration: a cross-border seller's global product, published to two markets (two TikTok shops
// paired with one Shopify store), imported from the sandbox: one row on Products with its markets,
// and mapping its SKUs in one market maps the same global SKUs in the other.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listProducts } from "@/lib/catalog/list-products";
import { importGlobalProducts } from "@/lib/catalog/tiktok/import-global-products";
import { runTikTokImport } from "@/lib/catalog/tiktok/import-test-kit";
import { setDbClient } from "@/lib/db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "@/lib/testing/connected-stores";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { sandboxControl } from "@/lib/testing/sandbox-browser";
import { applyMappingBatch, createMappingBatch } from "./apply-batch";
import { shopifyProduct } from "./catalog-fixtures";
import { computeProposals } from "./compute-proposals";
import { importMappingsCsv } from "./csv/import-mappings";
import { mapSkus } from "./map-skus";
import { unmapProduct } from "./unmap";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function crossBorder() {
  const org = await newOrganization();
  const shopify = await connectedShopifyStore(org);
  const { sellerId, shops } = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId, sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
  const [gb, de] = shops;
  await sandboxControl("POST", "/__sandbox/tiktok/global-products", {
    sellerId,
    publishTo: [gb!.shopId, de!.shopId],
    products: [
      { title: "Merino Beanie", skus: [{ sellerSku: "BEANIE-GRY", price: "19.00", quantity: 3 }, { sellerSku: "BEANIE-BLK", price: "19.00", quantity: 4 }] },
      { title: "Wool Scarf", skus: [{ sellerSku: "SCARF-1", price: "29.00", quantity: 1 }] },
    ],
  });
  const imports = [];
  for (const shop of shops) imports.push(await runTikTokImport({ connectionId: shop.connectionId }));
  const stores = { org, organizationId: org.organizationId, tiktokConnectionId: gb!.connectionId, shopifyConnectionId: shopify.connectionId };
  const beanie = await shopifyProduct(testDb, stores, { title: "Merino Beanie", variants: [{ sku: "BEANIE-GRY" }, { sku: "BEANIE-BLK" }] });
  const scarf = await shopifyProduct(testDb, stores, { title: "Wool Scarf", variants: [{ sku: "SCARF-1" }] });
  return { org, stores, gb: gb!, de: de!, beanie, scarf, importId: imports[0]!.importId };
}

describe("cross-border global products", () => {
  it("shows one row per global product with its markets, and Map in one market maps the others", async () => {
    const { org, gb, de, beanie } = await crossBorder();
    const unmapped = await listProducts({ organizationId: org.organizationId, query: { tab: "unmapped" } });
    expect(unmapped.counts).toEqual({ unmapped: 2, mapped: 0, attention: 0 });
    const row = unmapped.products.find((p) => p.title === "Merino Beanie")!;
    expect(row.globalProductId).toBeTruthy();
    expect(row).toMatchObject({ skuCount: 4, mappedSkuCount: 0 });
    expect(row.markets.map((m) => ({ region: m.shop.region, shop: m.shop.id, skus: m.skuCount, mapped: m.mappedSkuCount }))).toEqual(
      expect.arrayContaining([
        { region: "GB", shop: gb.connectionId, skus: 2, mapped: 0 },
        { region: "DE", shop: de.connectionId, skus: 2, mapped: 0 },
      ]),
    );
    // One market's filter shows that market's local product alone.
    const deOnly = await listProducts({ organizationId: org.organizationId, query: { tab: "unmapped", shop: de.connectionId } });
    expect(deOnly.products.map((p) => ({ title: p.title, markets: p.markets.length, shop: p.shop.id }))).toEqual([
      { title: "Merino Beanie", markets: 0, shop: de.connectionId },
      { title: "Wool Scarf", markets: 0, shop: de.connectionId },
    ]);

    // Bulk auto-map in the GB shop: the beanie's two global SKUs are mapped in DE as well.
    const review = await computeProposals({ organizationId: org.organizationId, tiktokConnectionId: gb.connectionId });
    const beanieRows = review.products.find((p) => p.title === "Merino Beanie")!.rows;
    const rows = beanieRows.map((r) => ({ tiktokSkuId: r.tiktokSkuId, shopifyVariantId: r.shopify!.variantId, rule: r.rule!, snapshot: r.snapshot }));
    const { batchId } = await createMappingBatch({ org, tiktokConnectionId: gb.connectionId, rows });
    expect(await applyMappingBatch({ organizationId: org.organizationId, batchId })).toMatchObject({ mappedSkus: 2, failures: [] });
    const mappings = await testDb.mapping.findMany({ where: { organizationId: org.organizationId }, include: { tiktokSku: true } });
    expect(mappings.map((m) => ({ shop: m.tiktokConnectionId, sku: m.tiktokSku.sellerSku, variant: m.shopifyVariantId, batchId: m.batchId, rule: m.rule })).sort((a, b) => `${a.shop}${a.sku}`.localeCompare(`${b.shop}${b.sku}`))).toEqual(
      [
        { shop: gb.connectionId, sku: "BEANIE-BLK", variant: beanie.variants[1]!.id, batchId, rule: "EXACT_SKU" },
        { shop: gb.connectionId, sku: "BEANIE-GRY", variant: beanie.variants[0]!.id, batchId, rule: "EXACT_SKU" },
        { shop: de.connectionId, sku: "BEANIE-BLK", variant: beanie.variants[1]!.id, batchId, rule: "EXACT_SKU" },
        { shop: de.connectionId, sku: "BEANIE-GRY", variant: beanie.variants[0]!.id, batchId, rule: "EXACT_SKU" },
      ].sort((a, b) => `${a.shop}${a.sku}`.localeCompare(`${b.shop}${b.sku}`)),
    );
    const mapped = await listProducts({ organizationId: org.organizationId, query: { tab: "mapped" } });
    expect(mapped.products.map((p) => ({ title: p.title, skus: p.skuCount, mapped: p.mappedSkuCount, markets: p.markets.map((m) => m.mappedSkuCount) }))).toEqual([{ title: "Merino Beanie", skus: 4, mapped: 4, markets: [2, 2] }]);

    // Unmap on the row unmaps every market.
    expect(await unmapProduct({ org, tiktokProductId: mapped.products[0]!.id })).toEqual({ removed: 4 });
    expect(await testDb.mapping.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });

  it("maps by hand in one market and follows into the other; a market's SKU already mapped keeps its mapping", async () => {
    const { org, stores, gb, de, scarf } = await crossBorder();
    const deScarf = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: de.connectionId, sellerSku: "SCARF-1" } });
    const other = await shopifyProduct(testDb, stores, { title: "Scarf (old)", variants: [{ sku: "SCARF-OLD" }] });
    await mapSkus({ org, input: { tiktokConnectionId: de.connectionId, pairs: [{ tiktokSkuId: deScarf.id, shopifyVariantId: other.variants[0]!.id }] } });

    const gbScarf = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: gb.connectionId, sellerSku: "SCARF-1" } });
    // DE's scarf was mapped first: mapping GB's does not touch it.
    expect(await mapSkus({ org, input: { tiktokConnectionId: gb.connectionId, pairs: [{ tiktokSkuId: gbScarf.id, shopifyVariantId: scarf.variants[0]!.id }] } })).toEqual({ mapped: 1, otherMarketSkus: 0 });
    expect((await testDb.mapping.findUniqueOrThrow({ where: { tiktokSkuId: deScarf.id } })).shopifyVariantId).toBe(other.variants[0]!.id);

    const deBeanie = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: de.connectionId, sellerSku: "BEANIE-GRY" } });
    const variant = await testDb.shopifyVariant.findFirstOrThrow({ where: { sku: "BEANIE-GRY" } });
    expect(await mapSkus({ org, input: { tiktokConnectionId: de.connectionId, pairs: [{ tiktokSkuId: deBeanie.id, shopifyVariantId: variant.id }] } })).toEqual({ mapped: 1, otherMarketSkus: 1 });
    const gbBeanie = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: gb.connectionId, sellerSku: "BEANIE-GRY" } });
    expect(await testDb.mapping.findUniqueOrThrow({ where: { tiktokSkuId: gbBeanie.id } })).toMatchObject({ shopifyVariantId: variant.id, rule: "MANUAL", tiktokConnectionId: gb.connectionId, createdById: org.userId });
  });

  it("a CSV import in one market maps the same global SKUs in the other; a dry run writes nowhere", async () => {
    const { org, gb, de, beanie } = await crossBorder();
    const csv = "seller_sku,shopify_sku\nBEANIE-GRY,BEANIE-GRY\nBEANIE-BLK,BEANIE-BLK\n";
    const dry = await importMappingsCsv({ org, tiktokConnectionId: gb.connectionId, csv, dryRun: true });
    expect(dry).toMatchObject({ create: 2, otherMarketSkus: 0 });
    expect(await testDb.mapping.count()).toBe(0);

    const done = await importMappingsCsv({ org, tiktokConnectionId: gb.connectionId, csv, dryRun: false });
    expect(done).toMatchObject({ imported: true, create: 2, otherMarketSkus: 2 });
    const deRows = await testDb.mapping.findMany({ where: { tiktokConnectionId: de.connectionId }, include: { tiktokSku: true }, orderBy: { createdAt: "asc" } });
    expect(deRows.map((m) => ({ sku: m.tiktokSku.sellerSku, variant: m.shopifyVariantId, rule: m.rule, by: m.createdById })).sort((a, b) => a.sku!.localeCompare(b.sku!))).toEqual([
      { sku: "BEANIE-BLK", variant: beanie.variants[1]!.id, rule: "MANUAL", by: org.userId },
      { sku: "BEANIE-GRY", variant: beanie.variants[0]!.id, rule: "MANUAL", by: org.userId },
    ]);
    const activity = await testDb.activityEntry.findFirstOrThrow({ where: { organizationId: org.organizationId, type: "mapping.csv_imported" } });
    expect(activity.message).toContain("other markets too (2 SKUs)");
  });

  it("imports the seller's global products (one search page here), newer update_time winning; a local seller reads none", async () => {
    const { org, gb, importId } = await crossBorder();
    const callsBefore = (await testDb.catalogImport.findUniqueOrThrow({ where: { id: importId } })).apiCalls;
    expect(await importGlobalProducts({ organizationId: org.organizationId, connectionId: gb.connectionId, importId })).toEqual({ calls: 1, globalProducts: 2 });
    expect((await testDb.catalogImport.findUniqueOrThrow({ where: { id: importId } })).apiCalls).toBe(callsBefore + 1);
    const rows = await testDb.tikTokGlobalProduct.findMany({ where: { organizationId: org.organizationId }, orderBy: { title: "asc" } });
    expect(rows.map((r) => ({ title: r.title, status: r.status, skus: r.skuCount }))).toEqual([
      { title: "Merino Beanie", status: "PUBLISHED", skus: 2 },
      { title: "Wool Scarf", status: "PUBLISHED", skus: 1 },
    ]);
    const local = await testDb.tikTokProduct.findMany({ where: { connectionId: gb.connectionId }, select: { globalProductId: true } });
    expect(new Set(local.map((p) => p.globalProductId))).toEqual(new Set(rows.map((r) => r.externalId)));

    // A stored row with a later update time than TikTok's (an event read it newer) keeps its data; nothing is duplicated.
    // Later than the platform's own time, not the wall clock: other test files move the shared sandbox clock ahead.
    await testDb.tikTokGlobalProduct.update({ where: { id: rows[0]!.id }, data: { title: "Merino Beanie (newer)", platformUpdatedAt: new Date(rows[0]!.platformUpdatedAt.getTime() + 3_600_000) } });
    await importGlobalProducts({ organizationId: org.organizationId, connectionId: gb.connectionId, importId });
    expect(await testDb.tikTokGlobalProduct.count()).toBe(2);
    expect((await testDb.tikTokGlobalProduct.findUniqueOrThrow({ where: { id: rows[0]!.id } })).title).toBe("Merino Beanie (newer)");
    const [row] = (await listProducts({ organizationId: org.organizationId, query: { tab: "unmapped", q: "Beanie" } })).products;
    expect(row).toMatchObject({ title: "Merino Beanie", globalTitle: "Merino Beanie (newer)" });

    // Another organization's id, or a local seller's shop, reads nothing.
    const other = await newOrganization("Other");
    expect(await importGlobalProducts({ organizationId: other.organizationId, connectionId: gb.connectionId, importId })).toEqual({ calls: 0, globalProducts: 0 });
    const shopify = await connectedShopifyStore(other);
    const { shops } = await connectedTikTokShops(other, { shopifyConnectionId: shopify.connectionId });
    expect(await importGlobalProducts({ organizationId: other.organizationId, connectionId: shops[0]!.connectionId, importId })).toEqual({ calls: 0, globalProducts: 0 });
  });
});
