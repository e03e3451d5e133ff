import { describe, expect, it } from "vitest";
import { gidNumber, toSnapshot } from "./catalog-rows";

describe("gidNumber", () => {
  it.each([
    ["gid://shopify/Product/123", "123"],
    ["gid://shopify/ProductVariant/9", "9"],
    ["gid://shopify/InventoryItem/77?x=1", "77"],
    ["456", "456"],
  ])("%s → %s", (input, expected) => expect(gidNumber(input)).toBe(expected));

  it.each(["", "gid://shopify/Product/", "abc"])("refuses %j", (input) => expect(() => gidNumber(input)).toThrow());
});

describe("toSnapshot", () => {
  const product = { id: "gid://shopify/Product/1", title: "Tee", handle: "tee", status: "DRAFT", updatedAt: "2026-03-01T10:00:00Z", featuredMedia: { preview: { image: { url: "https://cdn.test/a.jpg" } } } };
  const variant = {
    id: "gid://shopify/ProductVariant/2", title: "S / Red", sku: "  Tee  S ", barcode: "", price: "19.90", compareAtPrice: null, inventoryQuantity: 4,
    updatedAt: "2026-03-01T10:00:00Z", selectedOptions: [{ name: "Size", value: "S" }], inventoryItem: { id: "gid://shopify/InventoryItem/3" },
  };

  it("maps ids, normalized SKU, blank barcode, decimals and the product image", () => {
    const { product: p, variants: [v] } = toSnapshot({ product, variants: [variant] });
    expect(p).toEqual({ externalId: "1", title: "Tee", status: "DRAFT", handle: "tee", imageUrl: "https://cdn.test/a.jpg", platformUpdatedAt: "2026-03-01T10:00:00.000Z" });
    expect(v).toMatchObject({ externalId: "2", productExternalId: "1", sku: "  Tee  S ", skuNormalized: "tee s", barcode: null, price: "19.90", compareAtPrice: null, inventoryItemId: "3", imageUrl: "https://cdn.test/a.jpg" });
  });

  it("refuses a price that is not a decimal", () => {
    expect(() => toSnapshot({ product, variants: [{ ...variant, price: "1e3" }] })).toThrow(/not a decimal/);
  });
});
