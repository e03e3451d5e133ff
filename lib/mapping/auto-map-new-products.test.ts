import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listProducts } from "../catalog/list-products";
import { setDbClient } from "../db";
import { listNotifications } from "../notifications/list-notifications";
import { updateSettings } from "../settings/update-settings";
import { resetDatabase, testDb } from "../testing/db";
import { archiveDeletedMappings, restoreRevivedMappings } from "./archive-deleted";
import { autoMapNewProducts } from "./auto-map-new-products";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const IMPORTED = new Date(Date.now() - 3_600_000);

async function shopWithFirstImport({ autoMap }: { autoMap: boolean }) {
  const stores = await pairedStores(testDb);
  await testDb.catalogImport.create({ data: { organizationId: stores.organizationId, connectionId: stores.tiktokConnectionId, status: "SUCCEEDED", kind: "full", finishedAt: IMPORTED } });
  const org = { ...stores.org, organizationSlug: "x", organizationName: "x", role: "ADMIN" as const };
  if (autoMap) await updateSettings({ org, input: { tiktokConnectionId: stores.tiktokConnectionId, section: "mapping", value: { autoMapNewProducts: true } } });
  return stores;
}
type Stores = Awaited<ReturnType<typeof shopWithFirstImport>>;
const run = (s: Stores) => autoMapNewProducts({ organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId });
const old = (productId: string) => testDb.tikTokProduct.update({ where: { id: productId }, data: { firstSeenAt: new Date(IMPORTED.getTime() - 60_000) } });

describe("autoMapNewProducts", () => {
  it("maps new products by exact SKU, sends the rest to Needs attention with the reason, and looks at each product once", async () => {
    const s = await shopWithFirstImport({ autoMap: true });
    await shopifyProduct(testDb, s, { title: "Tee", variants: [{ sku: "TEE-S" }, { sku: "TEE-M" }] });
    await shopifyProduct(testDb, s, { title: "Cap", variants: [{ sku: "cap-1" }] });
    const tee = await tiktokProduct(testDb, s, { title: "Tee", skus: [{ sellerSku: "TEE-S" }, { sellerSku: "TEE-M" }] });
    // Normalized matches are Bulk auto-map's job, with review: not mapped here.
    const cap = await tiktokProduct(testDb, s, { title: "Cap", skus: [{ sellerSku: "CAP-1" }] });
    const catalog = await tiktokProduct(testDb, s, { title: "From the first import", skus: [{ sellerSku: "TEE-S" }] });
    await old(catalog.product.id);

    expect(await run(s)).toEqual({ enabled: true, checked: 2, mapped: 1, attention: 1 });
    const mappings = await testDb.mapping.findMany({ where: { organizationId: s.organizationId }, select: { tiktokSkuId: true, rule: true } });
    expect(mappings.map((m) => m.tiktokSkuId).sort()).toEqual(tee.skus.map((k) => k.id).sort());
    expect(mappings.every((m) => m.rule === "EXACT_SKU")).toBe(true);

    const attention = await listProducts({ organizationId: s.organizationId, query: { tab: "attention" } });
    expect(attention.products.map((p) => p.id)).toEqual([cap.product.id]);
    expect(attention.products[0]!.attention).toEqual([{ reason: "Auto-map: SKU CAP-1: no Shopify variant has this SKU.", fix: expect.stringContaining("Map…") }]);
    expect((await listProducts({ organizationId: s.organizationId, query: { tab: "mapped" } })).products.map((p) => p.id)).toEqual([tee.product.id]);
    const activity = await testDb.activityEntry.findMany({ where: { type: "mapping.auto_mapped" }, select: { message: true } });
    expect(activity).toEqual([{ message: "Auto-map new products: 1 new product mapped by SKU, 1 new product needs attention." }]);
    const bell = await listNotifications({ organizationId: s.organizationId, userId: s.org.userId, query: { limit: 20 } });
    expect(bell.notifications).toEqual([expect.objectContaining({ kind: "mapping.auto_map_attention", href: expect.stringContaining("/products?tab=attention") })]);

    // Run again (a retried step, a second webhook): nothing new.
    expect(await run(s)).toEqual({ enabled: true, checked: 0, mapped: 0, attention: 0 });
    expect(await testDb.mapping.count()).toBe(2);
    expect(await testDb.mappingIssue.count()).toBe(1);
  });

  it("when off, looks at new products without mapping them, so switching it on later maps only what arrives after", async () => {
    const s = await shopWithFirstImport({ autoMap: false });
    await shopifyProduct(testDb, s, { title: "Tee", variants: [{ sku: "TEE-S" }] });
    await tiktokProduct(testDb, s, { title: "Tee", skus: [{ sellerSku: "TEE-S" }] });
    expect(await run(s)).toEqual({ enabled: false, checked: 1, mapped: 0, attention: 0 });
    expect(await testDb.mapping.count()).toBe(0);
    expect(await testDb.mappingIssue.count()).toBe(0);
  });

  it("does nothing before the shop's first import has finished", async () => {
    const stores = await pairedStores(testDb);
    await shopifyProduct(testDb, stores, { title: "Tee", variants: [{ sku: "TEE-S" }] });
    await tiktokProduct(testDb, stores, { title: "Tee", skus: [{ sellerSku: "TEE-S" }] });
    expect(await autoMapNewProducts({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId })).toMatchObject({ checked: 0, mapped: 0 });
  });

  it("never maps to another tenant's variant or another tenant's shop", async () => {
    const mine = await shopWithFirstImport({ autoMap: true });
    const theirs = await shopWithFirstImport({ autoMap: true });
    await shopifyProduct(testDb, theirs, { title: "Tee", variants: [{ sku: "TEE-S" }] });
    await tiktokProduct(testDb, mine, { title: "Tee", skus: [{ sellerSku: "TEE-S" }] });
    expect(await run(mine)).toMatchObject({ mapped: 0, attention: 1 });
    // Their shop id under our organization: nothing.
    expect(await autoMapNewProducts({ organizationId: mine.organizationId, tiktokConnectionId: theirs.tiktokConnectionId })).toEqual({ enabled: false, checked: 0, mapped: 0, attention: 0 });
    expect(await testDb.mapping.count()).toBe(0);
  });
});

describe("archived mappings", () => {
  it("archive a mapping whose variant was deleted with a notification, and restore it when the product is back", async () => {
    const s = await shopWithFirstImport({ autoMap: false });
    const shirt = await shopifyProduct(testDb, s, { title: "Shirt", variants: [{ sku: "SH-1" }] });
    const listing = await tiktokProduct(testDb, s, { title: "Shirt", skus: [{ sellerSku: "SH-1" }] });
    await testDb.mapping.create({ data: { organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, shopifyConnectionId: s.shopifyConnectionId, tiktokSkuId: listing.skus[0]!.id, shopifyVariantId: shirt.variants[0]!.id, rule: "EXACT_SKU" } });
    await testDb.shopifyProduct.update({ where: { id: shirt.product.id }, data: { deletedAt: new Date() } });

    expect(await archiveDeletedMappings({ organizationId: s.organizationId })).toBe(1);
    expect(await archiveDeletedMappings({ organizationId: s.organizationId })).toBe(0);
    expect(await testDb.mapping.findFirstOrThrow()).toMatchObject({ status: "ARCHIVED", archivedReason: "The product was deleted on one of the platforms." });
    expect(await testDb.notification.findMany({ select: { kind: true, title: true } })).toEqual([{ kind: "mapping.archived", title: "1 mapping archived" }]);
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(0);

    await testDb.shopifyProduct.update({ where: { id: shirt.product.id }, data: { deletedAt: null } });
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(1);
    expect(await testDb.mapping.findFirstOrThrow()).toMatchObject({ status: "ACTIVE", archivedReason: null });
    expect((await listProducts({ organizationId: s.organizationId, query: { tab: "mapped" } })).products.map((p) => p.id)).toEqual([listing.product.id]);
  });

  it("does not restore a mapping whose variant was mapped to another SKU meanwhile", async () => {
    const s = await shopWithFirstImport({ autoMap: false });
    const shirt = await shopifyProduct(testDb, s, { title: "Shirt", variants: [{ sku: "SH-1" }] });
    const a = await tiktokProduct(testDb, s, { title: "A", skus: [{ sellerSku: "SH-1" }] });
    const b = await tiktokProduct(testDb, s, { title: "B", skus: [{ sellerSku: "SH-1" }] });
    const base = { organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, shopifyConnectionId: s.shopifyConnectionId, shopifyVariantId: shirt.variants[0]!.id, rule: "MANUAL" as const };
    await testDb.mapping.create({ data: { ...base, tiktokSkuId: a.skus[0]!.id, status: "ARCHIVED", archivedReason: "gone" } });
    await testDb.mapping.create({ data: { ...base, tiktokSkuId: b.skus[0]!.id } });
    expect(await restoreRevivedMappings({ organizationId: s.organizationId })).toBe(0);
  });
});
