// Editor overrides in the desired listing: each wins over Shopify's value, whatever the field switches say.
import { describe, expect, it } from "vitest";
import { buildDesiredListing } from "../product-sync/desired-listing";
import { diffListing } from "../product-sync/diff";
import type { ShopifySource, TikTokListing } from "../product-sync/listing";
import { productSyncSchema } from "../settings/sections/product-sync-settings";
import { noOverrides, type ListingOverrides } from "./override-input";

const listing: TikTokListing = {
  id: "P1", status: "ACTIVATE", title: "Tee", description: "<p>Old</p>", mainImages: [], auditStatus: "APPROVED", globalProductId: null,
  skus: [
    { id: "S1", sellerSku: "T-S", price: "20.00", currency: "USD", listPrice: null, inventory: [{ warehouseId: "W1", quantity: 10 }] },
    { id: "S2", sellerSku: "T-M", price: "20.00", currency: "USD", listPrice: null, inventory: [{ warehouseId: "W1", quantity: 10 }] },
  ],
};
const source: ShopifySource = {
  id: "gid://shopify/Product/1", title: "Shopify Tee", descriptionHtml: "<p>Shopify</p>", currency: "USD",
  images: [{ url: "https://cdn.shopify.com/a.png", width: 800, height: 800 }, { url: "https://cdn.shopify.com/b.png", width: 800, height: 800 }],
  variants: [
    { id: "gid://shopify/ProductVariant/11", sku: "T-S", price: "25.00", compareAtPrice: "30.00", levels: [{ locationId: "L1", available: 10 }] },
    { id: "gid://shopify/ProductVariant/12", sku: "T-M", price: "25.00", compareAtPrice: null, levels: [{ locationId: "L1", available: 10 }] },
  ],
};
const pairs = [{ tiktokSkuId: "S1", shopifyVariantId: "11" }, { tiktokSkuId: "S2", shopifyVariantId: "12" }];
const ALL_ON = { fields: { title: true, description: true, images: true, price: true, inventory: true } };
const ALL_OFF = { fields: { title: false, description: false, images: false, price: false, inventory: false } };

function desired(overrides: Partial<ListingOverrides>, settings: Record<string, unknown> = ALL_ON, sources = [source]) {
  return buildDesiredListing({ listing, pairs, sources, settings: productSyncSchema.parse({ autoSync: true, ...settings }), market: { currency: "USD", region: "US" }, content: true, skuFields: true, overrides: { ...noOverrides(), ...overrides } });
}

describe("overrides in the desired listing", () => {
  it.each<[string, Partial<ListingOverrides>, Record<string, unknown>, (d: ReturnType<typeof desired>) => unknown, unknown]>([
    ["no override: Shopify's title", {}, ALL_ON, (d) => d.title, "Shopify Tee"],
    ["title override wins", { title: "TikTok Tee" }, ALL_ON, (d) => d.title, "TikTok Tee"],
    ["title override with the switch off", { title: "TikTok Tee" }, ALL_OFF, (d) => d.title, "TikTok Tee"],
    ["switch off, no override: no title", {}, ALL_OFF, (d) => d.title, undefined],
    ["description override", { description: "<p>Mine</p>" }, ALL_ON, (d) => d.description, "<p>Mine</p>"],
    ["images chosen and ordered", { images: ["https://cdn.shopify.com/b.png", "https://cdn.shopify.com/a.png"] }, ALL_OFF, (d) => d.mainImages?.map((i) => i.sourceUrl), ["https://cdn.shopify.com/b.png", "https://cdn.shopify.com/a.png"]],
    ["a chosen image gone from Shopify is dropped", { images: ["https://cdn.shopify.com/gone.png", "https://cdn.shopify.com/a.png"] }, ALL_OFF, (d) => d.mainImages?.map((i) => i.sourceUrl), ["https://cdn.shopify.com/a.png"]],
    ["price override, no list price, other SKU by the rules", { prices: { S1: "19.99" } }, ALL_ON, (d) => d.skus.map((s) => s.price), [{ price: "19.99", listPrice: null }, { price: "25.00", listPrice: null }]],
    ["price override with the switch off: only that SKU", { prices: { S2: "17.00" } }, ALL_OFF, (d) => d.skus.map((s) => [s.id, s.price, s.inventory]), [["S1", undefined, undefined], ["S2", { price: "17.00", listPrice: null }, undefined]]],
    ["allocation override: 40% of 10", { allocation: { S1: 40 } }, ALL_ON, (d) => d.skus.map((s) => s.inventory?.[0]?.quantity), [4, 10]],
  ])("%s", (_label, overrides, settings, pick, want) => {
    expect(pick(desired(overrides, settings))).toEqual(want);
  });

  it("a title override clears the problem of Shopify's title", () => {
    const long = { ...source, title: "x".repeat(300) };
    expect(desired({}, ALL_ON, [long]).problems.map((p) => p.field)).toEqual(["title"]);
    expect(desired({ title: "Short" }, ALL_ON, [long]).problems).toEqual([]);
  });

  it("writes only what the override changes", () => {
    const d = desired({ title: "Tee", prices: { S1: "20.00" } }, ALL_OFF);
    expect(diffListing({ current: listing, desired: d })).toMatchObject({ content: {}, prices: [], inventory: [], changes: [] });
  });
});
