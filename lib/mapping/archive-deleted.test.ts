import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { archiveDeletedMappings, restoreRevivedMappings } from "./archive-deleted";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";

// Archive and restore as the import and webhook jobs run them (see also auto-map-new-products.test.ts).

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

type Stores = Awaited<ReturnType<typeof pairedStores>>;

async function mapped(s: Stores, sku: string) {
  const shopify = await shopifyProduct(testDb, s, { title: `Shirt ${sku}`, variants: [{ sku, options: [{ name: "Size", value: "M" }] }] });
  const tiktok = await tiktokProduct(testDb, s, { title: `Shirt ${sku}`, skus: [{ sellerSku: sku }] });
  const mapping = await testDb.mapping.create({
    data: { organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, shopifyConnectionId: s.shopifyConnectionId, tiktokSkuId: tiktok.skus[0]!.id, shopifyVariantId: shopify.variants[0]!.id, rule: "EXACT_SKU" },
  });
  return { shopify, tiktok, mapping };
}

describe("archiveDeletedMappings", () => {
  it("says which variant went when a variant was deleted, and why otherwise", async () => {
    const s = await pairedStores(testDb);
    const variantGone = await mapped(s, "A-1");
    const listingGone = await mapped(s, "B-1");
    await testDb.shopifyVariant.update({ where: { id: variantGone.shopify.variants[0]!.id }, data: { deletedAt: new Date() } });
    await testDb.tikTokProduct.update({ where: { id: listingGone.tiktok.product.id }, data: { deletedAt: new Date() } });
    expect(await archiveDeletedMappings({ organizationId: s.organizationId })).toBe(2);
    const reasons = Object.fromEntries((await testDb.mapping.findMany()).map((m) => [m.id, [m.status, m.archivedReason]]));
    expect(reasons).toEqual({
      [variantGone.mapping.id]: ["ARCHIVED", "The Shopify variant Shirt A-1 / M was deleted. Map the TikTok SKU to another variant."],
      [listingGone.mapping.id]: ["ARCHIVED", "The product was deleted on one of the platforms."],
    });
    const activity = await testDb.activityEntry.findMany({ where: { organizationId: s.organizationId } });
    expect(activity.map((a) => [a.type, a.level, a.message])).toEqual([
      ["mapping.archived", "WARNING", '2 mappings were archived because a product or variant was deleted. See "Needs attention" on Products.'],
    ]);
  });

  it("notifies once for the same archived set, even when the step runs again", async () => {
    const s = await pairedStores(testDb);
    const { shopify } = await mapped(s, "A-1");
    await testDb.shopifyProduct.update({ where: { id: shopify.product.id }, data: { deletedAt: new Date() } });
    await archiveDeletedMappings({ organizationId: s.organizationId });
    // A retried step after a crash between archiving and notifying sees the same set again.
    await testDb.mapping.updateMany({ data: { status: "ACTIVE", archivedReason: null } });
    await archiveDeletedMappings({ organizationId: s.organizationId });
    expect(await testDb.notification.count({ where: { organizationId: s.organizationId, kind: "mapping.archived" } })).toBe(1);
  });

  it("touches only the organization it is given", async () => {
    const mine = await pairedStores(testDb);
    const theirs = await pairedStores(testDb);
    const { shopify } = await mapped(theirs, "A-1");
    await testDb.shopifyProduct.update({ where: { id: shopify.product.id }, data: { deletedAt: new Date() } });
    expect(await archiveDeletedMappings({ organizationId: mine.organizationId })).toBe(0);
    expect(await testDb.mapping.findFirstOrThrow()).toMatchObject({ status: "ACTIVE" });
    expect(await testDb.activityEntry.count()).toBe(0);
    expect(await testDb.notification.count()).toBe(0);
  });
});

describe("restoreRevivedMappings", () => {
  it("restores only when the product and the variant are both live again, once, and only in its organization", async () => {
    const s = await pairedStores(testDb);
    const other = await pairedStores(testDb);
    const { shopify, tiktok } = await mapped(s, "A-1");
    await testDb.shopifyVariant.update({ where: { id: shopify.variants[0]!.id }, data: { deletedAt: new Date() } });
    await testDb.tikTokProduct.update({ where: { id: tiktok.product.id }, data: { deletedAt: new Date() } });
    await archiveDeletedMappings({ organizationId: s.organizationId });

    await testDb.tikTokProduct.update({ where: { id: tiktok.product.id }, data: { deletedAt: null } });
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(0); // the variant is still gone
    await testDb.shopifyVariant.update({ where: { id: shopify.variants[0]!.id }, data: { deletedAt: null } });
    expect(await restoreRevivedMappings({ organizationId: other.organizationId })).toBe(0);
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(1);
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(0);
    expect(await testDb.mapping.findFirstOrThrow()).toMatchObject({ status: "ACTIVE", archivedReason: null });
    expect((await testDb.activityEntry.findMany({ where: { type: "mapping.restored" } })).map((a) => [a.organizationId, a.message])).toEqual([
      [s.organizationId, "1 archived mapping was restored: the product or variant is back."],
    ]);
  });
});
