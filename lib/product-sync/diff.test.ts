import { describe, expect, it } from "vitest";
import { productSyncSchema } from "../settings/sections/product-sync-settings";
import { buildDesiredListing } from "./desired-listing";
import { diffListing, isEmptyPlan } from "./diff";
import type { ShopifySource, TikTokListing } from "./listing";

const listing = (over: Partial<TikTokListing> = {}): TikTokListing => ({
  id: "P1",
  status: "ACTIVATE",
  title: "Classic Tee",
  description: "<p>Soft cotton</p>",
  mainImages: [],
  auditStatus: "APPROVED",
  globalProductId: null,
  skus: [
    { id: "S1", sellerSku: "TEE-S", price: "20.00", currency: "USD", listPrice: null, inventory: [{ warehouseId: "W1", quantity: 5 }] },
    { id: "S2", sellerSku: "TEE-M", price: "20.00", currency: "USD", listPrice: null, inventory: [{ warehouseId: "W1", quantity: 5 }] },
  ],
  ...over,
});

const source = (over: Partial<ShopifySource> = {}): ShopifySource => ({
  id: "gid://shopify/Product/1",
  title: "Classic Tee",
  descriptionHtml: "<p>Soft cotton</p>",
  images: [],
  currency: "USD",
  variants: [
    { id: "gid://shopify/ProductVariant/11", sku: "TEE-S", price: "20.00", compareAtPrice: null, levels: [{ locationId: "L1", available: 5 }] },
    { id: "gid://shopify/ProductVariant/12", sku: "TEE-M", price: "20.00", compareAtPrice: null, levels: [{ locationId: "L1", available: 5 }] },
  ],
  ...over,
});

const pairs = [
  { tiktokSkuId: "S1", shopifyVariantId: "11" },
  { tiktokSkuId: "S2", shopifyVariantId: "12" },
];

function plan({ current = listing(), sources = [source()], settings = {}, market = { currency: "USD", region: "US" }, content = true, skuFields = true, only = pairs }: {
  current?: TikTokListing;
  sources?: ShopifySource[];
  settings?: Record<string, unknown>;
  market?: { currency: string; region: string };
  content?: boolean;
  skuFields?: boolean;
  only?: typeof pairs;
} = {}) {
  const desired = buildDesiredListing({ listing: current, pairs: only, sources, settings: productSyncSchema.parse({ autoSync: true, ...settings }), market, content, skuFields });
  return { desired, plan: diffListing({ current, desired }) };
}

const variant = (i: 0 | 1, over: Partial<ShopifySource["variants"][number]>) => {
  const s = source();
  s.variants[i] = { ...s.variants[i]!, ...over };
  return s;
};

describe("diffListing", () => {
  it("writes nothing when nothing changed", () => {
    const { plan: p } = plan();
    expect(isEmptyPlan(p)).toBe(true);
    expect(p.changes).toEqual([]);
  });

  it.each([
    { name: "title only", sources: [source({ title: "Classic Crew Tee" })], want: { content: { title: "Classic Crew Tee" }, prices: [], inventory: [] }, fields: ["title"] },
    { name: "description only", sources: [source({ descriptionHtml: "<p>Organic cotton</p>" })], want: { content: { description: "<p>Organic cotton</p>" }, prices: [], inventory: [] }, fields: ["description"] },
    { name: "one SKU's price", sources: [variant(1, { price: "22.00" })], want: { content: {}, prices: [{ id: "S2", price: "22.00", listPrice: null }], inventory: [] }, fields: ["price"] },
    { name: "one SKU's stock", sources: [variant(0, { levels: [{ locationId: "L1", available: 9 }] })], want: { content: {}, prices: [], inventory: [{ id: "S1", inventory: [{ warehouseId: "W1", quantity: 9 }] }] }, fields: ["inventory"] },
    { name: "a new list price", sources: [variant(0, { compareAtPrice: "25.00" })], want: { content: {}, prices: [{ id: "S1", price: "20.00", listPrice: "25.00" }], inventory: [] }, fields: ["listPrice"] },
    { name: "the same amount written differently is no change", sources: [variant(0, { price: "20" })], want: { content: {}, prices: [], inventory: [] }, fields: [] },
    { name: "whitespace around the description is no change", sources: [source({ descriptionHtml: "<p>Soft cotton</p>\n" })], want: { content: {}, prices: [], inventory: [] }, fields: [] },
  ])("$name", ({ sources, want, fields }) => {
    const { plan: p } = plan({ sources });
    expect({ content: p.content, prices: p.prices, inventory: p.inventory }).toEqual(want);
    expect(p.changes.map((c) => c.field)).toEqual(fields);
  });

  it.each([
    { field: "title", sources: [source({ title: "New" })] },
    { field: "description", sources: [source({ descriptionHtml: "<p>New</p>" })] },
    { field: "price", sources: [variant(0, { price: "1.00" })] },
    { field: "inventory", sources: [variant(0, { levels: [{ locationId: "L1", available: 1 }] })] },
  ])("the $field switch off leaves it alone", ({ field, sources }) => {
    const { plan: p } = plan({ sources, settings: { fields: { title: true, description: true, price: true, inventory: true, [field]: false } } });
    expect(isEmptyPlan(p)).toBe(true);
  });

  it("never touches an unmapped SKU", () => {
    const { plan: p } = plan({ sources: [variant(1, { price: "99.00" })], only: [pairs[0]!] });
    expect(p.prices).toEqual([]);
  });

  it("sends every warehouse of a SKU when one changes", () => {
    const current = listing({ skus: [{ id: "S1", sellerSku: "TEE-S", price: "20.00", currency: "USD", listPrice: null, inventory: [{ warehouseId: "W1", quantity: 5 }, { warehouseId: "W2", quantity: 2 }] }] });
    const { plan: p } = plan({ current, sources: [variant(0, { levels: [{ locationId: "L1", available: 8 }] })], only: [pairs[0]!] });
    expect(p.inventory).toEqual([{ id: "S1", inventory: [{ warehouseId: "W1", quantity: 8 }, { warehouseId: "W2", quantity: 2 }] }]);
  });

  it("a cross-border local product gets no content, a global product no price or stock", () => {
    const changed = [source({ title: "New", variants: source().variants.map((v) => ({ ...v, price: "30.00" })) })];
    expect(plan({ sources: changed, content: false }).plan.content).toEqual({});
    expect(plan({ sources: changed, skuFields: false }).plan.prices).toEqual([]);
  });

  it.each([
    { name: "SKUs mapped to two Shopify products", sources: [source({ title: "A", variants: [source().variants[0]!] }), source({ id: "gid://shopify/Product/2", title: "B", variants: [source().variants[1]!] })], problem: /several Shopify products/ },
    { name: "a title over 255 characters", sources: [source({ title: "x".repeat(256) })], problem: /256 characters/ },
    { name: "a variant gone from Shopify", sources: [source({ variants: [source().variants[0]!] })], problem: /no longer exists/ },
    { name: "a market in another currency without a rate", sources: [source()], market: { currency: "EUR", region: "DE" }, problem: /exchange rate/ },
  ])("reports $name instead of writing it", ({ sources, market, problem }) => {
    const { desired, plan: p } = plan({ sources, market, current: market ? listing({ skus: listing().skus.map((s) => ({ ...s, currency: "EUR" })) }) : undefined });
    expect(desired.problems.map((x) => x.message).join(" ")).toMatch(problem);
    expect(p.content.title).toBeUndefined();
  });

  it("an empty Shopify description never blanks TikTok's", () => {
    expect(plan({ sources: [source({ descriptionHtml: "  " })] }).plan.content).toEqual({});
  });

  describe("images", () => {
    const img = (name: string, width: number | null = 800, height: number | null = 800) => ({ url: `https://cdn.shopify.com/s/files/${name}.png`, width, height });
    const on = { fields: { title: false, description: false, images: true, price: false, inventory: false } };
    const uploaded = (names: string[]) => listing({ mainImages: names.map((n) => ({ uri: `tos/${n}`, urls: [] })) });
    const withUris = (desired: ReturnType<typeof plan>["desired"], uris: (string | null)[]) => ({ ...desired, mainImages: desired.mainImages!.map((i, k) => ({ ...i, uri: uris[k] ?? null })) });

    it.each([
      ["switch off", { fields: { title: false, description: false, images: false, price: false, inventory: false } }, [img("a")], undefined],
      ["no Shopify image (TikTok requires one)", on, [], undefined],
      ["in Shopify's order", on, [img("b"), img("a")], [img("b").url, img("a").url]],
      ["sizes unknown are tried", on, [img("a", null, null)], [img("a").url]],
      ["too small or too large left out", on, [img("s", 299, 800), img("a"), img("l", 800, 4001)], [img("a").url]],
    ])("%s", (_label, settings, images, want) => {
      const { desired } = plan({ settings, sources: [source({ images })] });
      expect(desired.mainImages?.map((i) => i.sourceUrl)).toEqual(want);
    });

    it("writes the first 9 when any is not uploaded, or the order or set differs; nothing when TikTok shows them", () => {
      const names = Array.from({ length: 11 }, (_, i) => `p${i}`);
      const { desired } = plan({ settings: on, sources: [source({ images: names.map((n) => img(n)) })] });
      const fresh = diffListing({ current: uploaded([]), desired });
      expect(fresh.images).toHaveLength(9);
      expect(fresh.changes).toEqual([{ field: "images", current: "0 images", next: "9 images from Shopify (9 to upload)" }]);
      const all = withUris(desired, names.map((n) => `tos/${n}`));
      expect(isEmptyPlan(diffListing({ current: uploaded(names.slice(0, 9)), desired: all }))).toBe(true);
      expect(diffListing({ current: uploaded([...names.slice(1, 9), "p0"]), desired: all }).changes).toEqual([{ field: "images", current: "9 images", next: "9 images from Shopify" }]);
      expect(diffListing({ current: uploaded(names.slice(0, 8)), desired: all }).images).toHaveLength(9);
    });

    it("several Shopify products: no images", () => {
      const other = source({ id: "gid://shopify/Product/2", images: [img("x")], variants: [{ ...source().variants[1]!, id: "gid://shopify/ProductVariant/12" }] });
      const { desired } = plan({ settings: on, sources: [source({ images: [img("a")], variants: [source().variants[0]!] }), other] });
      expect(desired.mainImages).toBeUndefined();
      expect(desired.problems[0]!.message).toContain("images are not synced");
    });
  });
});
