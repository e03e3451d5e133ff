import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../../db";
import { updateSettings } from "../../settings/update-settings";
import { resetDatabase, testDb } from "../../testing/db";
import { pairedSandboxStores, sandboxWrites, seedMappedProducts } from "../sync-test-kit";
import { computePreviewPage, finishPreview, startCursor, type PreviewCursor } from "./compute-preview";
import { getSyncPreview } from "./get-preview";
import { startSyncPreview } from "./start-preview";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

/** What the preview job does, step by step, without the runner. */
async function runPreview(previewId: string) {
  let cursor: PreviewCursor | null = startCursor;
  while (cursor) cursor = (await computePreviewPage({ previewId, cursor })).cursor;
  await finishPreview({ previewId });
}

async function setup() {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const products = await seedMappedProducts({
    org: stores.org,
    shopify: stores.shopify,
    shop,
    products: [
      { title: "Canvas Tote", variants: [{ sku: "TOTE", price: "30.00", quantity: 4 }], tiktok: { title: "Tote bag", prices: ["28.00"] } },
      { title: "Wool Beanie", variants: [{ sku: "BEANIE", price: "15.00", quantity: 9 }] },
    ],
  });
  return { ...stores, shop, products };
}

const on = { autoSync: true };

describe("the overwrite preview", () => {
  it("shows per product and field TikTok's value beside Shopify's, writes nothing, and unlocks auto-sync", async () => {
    const { org, shop, products } = await setup();
    const save = (confirmation?: unknown, value: Record<string, unknown> = on) => updateSettings({ org, input: { tiktokConnectionId: shop.connectionId, section: "productSync", value, confirmation } });

    await expect(save()).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/preview/) });
    const { previewId } = await startSyncPreview({ org, input: { purpose: "settings", tiktokConnectionId: shop.connectionId, settings: on } });
    await expect(save({ previewId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not finished/) });
    await runPreview(previewId);

    const preview = await getSyncPreview({ organizationId: org.organizationId, previewId, query: { limit: 50 } });
    expect(preview).toMatchObject({ status: "READY", productsChecked: 2, productsAffected: 1, globalProducts: 0 });
    expect(preview.items).toEqual([
      expect.objectContaining({
        title: "Tote bag",
        changes: [
          { scope: "local", field: "title", current: "Tote bag", next: "Canvas Tote" },
          { scope: "local", field: "price", sku: "TOTE", current: "28.00 USD", next: "30.00 USD" },
        ],
      }),
    ]);
    for (const p of products) expect(await sandboxWrites(shop.shopId, p.externalId)).toEqual([]);

    // confirming with other settings than the preview's is refused
    await expect(save({ previewId }, { ...on, price: { percentMarkup: "5" } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/settings changed/) });
    await save({ previewId });
    const stored = await testDb.shopSettings.findUniqueOrThrow({ where: { tiktokConnectionId: shop.connectionId } });
    expect(stored.settings).toMatchObject({ productSync: { autoSync: true } });
  });

  it.each([
    { name: "another tenant's preview", tenant: "other" },
    { name: "an unknown preview id", tenant: "none" },
  ])("refuses $name", async ({ tenant }) => {
    const { org, shop } = await setup();
    let previewId = "cmwy00000000000000000000z";
    if (tenant === "other") {
      const other = await pairedSandboxStores();
      previewId = (await startSyncPreview({ org: other.org, input: { purpose: "settings", tiktokConnectionId: other.tiktok.shops[0]!.connectionId, settings: on } })).previewId;
      await runPreview(previewId);
    }
    await expect(updateSettings({ org, input: { tiktokConnectionId: shop.connectionId, section: "productSync", value: on, confirmation: { previewId } } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await testDb.shopSettings.count()).toBe(0);
  });

  it.each([
    { name: "settings outside their schema", input: { purpose: "settings", tiktokConnectionId: null, settings: { autoSync: true, price: { percentMarkup: "lots" } } }, code: "BAD_REQUEST" },
    { name: "a mapping preview while auto-sync is off", input: { purpose: "mapping", tiktokConnectionId: "SHOP", rows: [{ tiktokSkuId: "a", shopifyVariantId: "b" }] }, code: "BAD_REQUEST" },
    { name: "another tenant's shop", input: { purpose: "settings", tiktokConnectionId: "cmwy00000000000000000000z", settings: {} }, code: "NOT_FOUND" },
  ])("refuses to start a preview for $name", async ({ input, code }) => {
    const { org, shop } = await setup();
    const body = JSON.parse(JSON.stringify(input).replace("SHOP", shop.connectionId));
    await expect(startSyncPreview({ org, input: body })).rejects.toMatchObject({ code });
    expect(await testDb.productSyncPreview.count()).toBe(0);
  });

  it("keeps shop-only locations off the organization's defaults", async () => {
    const { org } = await setup();
    await expect(updateSettings({ org, input: { tiktokConnectionId: null, section: "productSync", value: { inventory: { locations: [{ warehouseId: "W", locationIds: ["L"] }] } } } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("switching auto-sync off needs no preview", async () => {
    const { org, shop } = await setup();
    await updateSettings({ org, input: { tiktokConnectionId: shop.connectionId, section: "productSync", value: { autoSync: false } } });
    expect(await testDb.shopSettings.count()).toBe(1);
  });
});
