import { describe, expect, it } from "vitest";
import { tiktokProductDetailSchema } from "../../platforms/tiktok/schemas";
import { productFields, skuFields } from "./product-fields";

// A Get Product answer as TikTok documents it (202309), trimmed to what the import reads plus some noise.
const detail = tiktokProductDetailSchema.parse({
  id: "1729592969712207008",
  status: "ACTIVATE",
  title: "Short Boat Invisible Socks",
  main_images: [{ uri: "tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", urls: ["https://p16.example.test/a.jpg"], thumb_urls: ["https://p16.example.test/a-thumb.jpg"] }],
  create_time: 1_700_000_000,
  update_time: 1_700_000_123,
  category_chains: [{ id: "853000", is_leaf: true }],
  global_product_association: {
    global_product_id: "1729592969712203232",
    sku_mappings: [{ global_sku_id: "1729592969712201111", local_sku_id: "1729592969712207012" }],
  },
  skus: [
    {
      id: "1729592969712207012",
      seller_sku: "  Color-Red  XM01 ",
      price: { currency: "GBP", sale_price: "121.11", tax_exclusive_price: "111.01" },
      inventory: [{ warehouse_id: "7068517275539719942", quantity: 999 }, { warehouse_id: "7068517275539719943", quantity: 1, backorder_quantity: 888 }],
      identifier_code: { code: " 012345678905 ", type: "UPC" },
      sales_attributes: [{ id: "100089", name: "Color", value_id: "1729592969712207000", value_name: "Red" }],
    },
    { id: "1729592969712207013", price: { tax_exclusive_price: "5" }, identifier_code: { code: "" , type: "GTIN" } },
    { id: "1729592969712207014", seller_sku: "", price: { sale_price: "abc" }, inventory: [] },
  ],
});

describe("TikTok product detail → cache rows", () => {
  it("maps the product: first main image, update_time to the second, global product id", () => {
    expect(productFields(detail)).toEqual({
      externalId: "1729592969712207008",
      title: "Short Boat Invisible Socks",
      status: "ACTIVATE",
      globalProductId: "1729592969712203232",
      imageUrl: "https://p16.example.test/a.jpg",
      platformUpdatedAt: new Date(1_700_000_123_000),
    });
  });

  it("maps SKUs: normalized seller SKU, identifier code, options, decimal price with currency, stock over warehouses", () => {
    expect(skuFields({ detail, fallbackCurrency: "USD" })).toEqual([
      {
        externalId: "1729592969712207012",
        sellerSku: "  Color-Red  XM01 ",
        sellerSkuNormalized: "color-red xm01",
        globalSkuId: "1729592969712201111",
        identifierCode: "012345678905",
        identifierType: "UPC",
        options: [{ name: "Color", value: "Red" }],
        price: "121.11",
        currency: "GBP",
        inventoryQuantity: 1000,
      },
      {
        externalId: "1729592969712207013",
        sellerSku: null,
        sellerSkuNormalized: null,
        globalSkuId: null,
        identifierCode: null,
        identifierType: null,
        options: [],
        price: "5",
        currency: "USD",
        inventoryQuantity: null,
      },
      {
        externalId: "1729592969712207014",
        sellerSku: "",
        sellerSkuNormalized: null,
        globalSkuId: null,
        identifierCode: null,
        identifierType: null,
        options: [],
        price: "0",
        currency: "USD",
        inventoryQuantity: 0,
      },
    ]);
  });

  it("leaves the global ids empty for a local seller's product and the image empty without images", () => {
    const local = tiktokProductDetailSchema.parse({ id: "1", update_time: 1_700_000_000, skus: [{ id: "2", price: { sale_price: "1.5", currency: "USD" } }] });
    expect(productFields(local)).toMatchObject({ globalProductId: null, imageUrl: null });
    expect(skuFields({ detail: local, fallbackCurrency: "USD" })[0]).toMatchObject({ globalSkuId: null, price: "1.5" });
  });
});
