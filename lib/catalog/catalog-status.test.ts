import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { catalogStatus } from "./catalog-status";
import { seedLargeCatalog } from "./product-list-fixtures";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe("catalogStatus", () => {
  it("reports each connected store's latest import and its last successful one", async () => {
    const shop = await seedLargeCatalog({ client: testDb, name: "acme", products: 1, skusPerProduct: 1 });
    const base = { organizationId: shop.organizationId, kind: "full" };
    await testDb.catalogImport.createMany({
      data: [
        { ...base, connectionId: shop.tiktokConnectionId, status: "SUCCEEDED", processed: 10, total: 10, startedAt: at(0), finishedAt: at(2) },
        { ...base, connectionId: shop.tiktokConnectionId, status: "FAILED", error: "TikTok refused the token.", startedAt: at(10), finishedAt: at(11) },
        { ...base, connectionId: shop.tiktokConnectionId, status: "RUNNING", processed: 40, total: 200, startedAt: at(20) },
        { ...base, connectionId: shop.shopifyConnectionId, status: "SUCCEEDED", processed: 5, total: 5, startedAt: at(30), finishedAt: at(31) },
      ],
    });
    const status = await catalogStatus({ organizationId: shop.organizationId });
    expect(status.importing).toBe(true);
    const tiktok = status.stores.find((s) => s.connectionId === shop.tiktokConnectionId)!;
    expect(tiktok).toMatchObject({
      platform: "TIKTOK",
      name: "acme shop",
      latestImport: { status: "RUNNING", processed: 40, total: 200, startedAt: at(20).toISOString(), finishedAt: null },
      lastImportedAt: at(2).toISOString(),
    });
    const shopify = status.stores.find((s) => s.connectionId === shop.shopifyConnectionId)!;
    expect(shopify).toMatchObject({ platform: "SHOPIFY", latestImport: { status: "SUCCEEDED" }, lastImportedAt: at(31).toISOString() });
  });

  it("lists stores never imported, leaves out disconnected ones and other organizations' imports", async () => {
    const mine = await seedLargeCatalog({ client: testDb, name: "mine", products: 1, skusPerProduct: 1 });
    const theirs = await seedLargeCatalog({ client: testDb, name: "theirs", products: 1, skusPerProduct: 1 });
    await testDb.catalogImport.create({ data: { organizationId: theirs.organizationId, connectionId: theirs.tiktokConnectionId, kind: "full", status: "RUNNING" } });
    await testDb.connection.update({ where: { id: mine.shopifyConnectionId }, data: { status: "DISCONNECTED" } });
    const status = await catalogStatus({ organizationId: mine.organizationId });
    expect(status).toEqual({
      importing: false,
      stores: [{ connectionId: mine.tiktokConnectionId, platform: "TIKTOK", name: "mine shop", pairedShopifyId: mine.shopifyConnectionId, latestImport: null, lastImportedAt: null }],
    });
  });
});
