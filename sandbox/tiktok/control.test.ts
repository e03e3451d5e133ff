// The TikTok control API (/__sandbox/tiktok/...): bad input answers 4xx with a message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStore } from "./store";
import { APP, startKit, type Json, type Kit } from "./test-kit";

let kit: Kit;
/** ids the table's paths and bodies refer to by placeholder */
const ids: Record<string, string> = {};

beforeAll(async () => {
  kit = await startKit();
  await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP });
  const local = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Local US", region: "US", sellerType: "LOCAL" })).body;
  const other = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Other US", region: "US", sellerType: "LOCAL" })).body;
  const cb = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "CB GB", region: "GB", sellerType: "CROSS_BORDER" })).body;
  const jp = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Yen", region: "JP", sellerType: "LOCAL" })).body;
  const product = (await kit.control("POST", `/__sandbox/tiktok/shops/${local.shopId}/products`, { products: [{ title: "Cap", skus: [{ sellerSku: "CAP", price: "12.00", quantity: 3 }] }] })).body.products[0];
  const deleted = (await kit.control("POST", `/__sandbox/tiktok/shops/${local.shopId}/products`, { products: [{ title: "Gone", skus: [{ sellerSku: "GONE", price: "1.00", quantity: 1 }] }] })).body.products[0];
  await kit.control("POST", `/__sandbox/tiktok/shops/${local.shopId}/products/${deleted.id}/delete`);
  const order = (await kit.control("POST", `/__sandbox/tiktok/shops/${local.shopId}/orders`, { lineItems: [{ sellerSku: "CAP", quantity: 1 }], status: "AWAITING_SHIPMENT" })).body;
  Object.assign(ids, {
    SHOP: local.shopId, SELLER: local.sellerId, OTHER_SHOP: other.shopId, CB_SHOP: cb.shopId, CB_SELLER: cb.sellerId, JP_SHOP: jp.shopId,
    PRODUCT: product.id, DELETED: deleted.id, ORDER: order.orderId,
  });
});
afterAll(async () => {
  await kit.close();
});

const fill = (text: string) => text.replace(/\b(SHOP|SELLER|OTHER_SHOP|CB_SHOP|CB_SELLER|JP_SHOP|PRODUCT|DELETED|ORDER)\b/g, (k) => ids[k]!);
const good = { title: "T", skus: [{ sellerSku: "S1", price: "1.00", quantity: 1 }] };

// [what, method, path, body (JSON or a raw string), status, message pattern]
const cases: [string, string, string, unknown, number, RegExp][] = [
  ["a shop in an unknown region", "POST", "/shops", { name: "X", region: "XX", sellerType: "LOCAL" }, 400, /region must be one of US, GB/],
  ["a shop with a bad sellerType", "POST", "/shops", { name: "X", region: "US", sellerType: "GLOBAL" }, 400, /sellerType/],
  ["a shop without a name", "POST", "/shops", { region: "US", sellerType: "LOCAL" }, 400, /name/],
  ["a shop with an unknown field", "POST", "/shops", { name: "X", region: "US", sellerType: "LOCAL", currency: "EUR" }, 400, /currency/],
  ["a shop with no warehouses", "POST", "/shops", { name: "X", region: "US", sellerType: "LOCAL", warehouses: [] }, 400, /warehouses/],
  ["a shop body that is not JSON", "POST", "/shops", "name=X&region=US", 400, /bad shop/],
  ["a second shop for a local seller", "POST", "/shops", { name: "X", region: "GB", sellerType: "LOCAL", sellerId: "SELLER" }, 409, /local seller with one shop/],
  ["a second shop in the same market", "POST", "/shops", { name: "X", region: "GB", sellerType: "CROSS_BORDER", sellerId: "CB_SELLER" }, 409, /already has a shop in GB/],
  ["products for an unknown shop", "POST", "/shops/749000/products", { products: [good] }, 404, /unknown shop 749000/],
  ["an empty product list", "POST", "/shops/SHOP/products", { products: [] }, 400, /products/],
  ["a product without SKUs", "POST", "/shops/SHOP/products", { products: [{ title: "T", skus: [] }] }, 400, /products\.0\.skus/],
  ["a good product followed by a bad one", "POST", "/shops/SHOP/products", { products: [good, { title: "T", skus: [{ sellerSku: "S2", price: "one", quantity: 1 }] }] }, 400, /products\.1\.skus\.0\.price/],
  ["a negative quantity", "POST", "/shops/SHOP/products", { products: [{ ...good, skus: [{ sellerSku: "S3", price: "1", quantity: -1 }] }] }, 400, /quantity/],
  ["an unknown product status", "POST", "/shops/SHOP/products", { products: [{ ...good, status: "LIVE" }] }, 400, /status/],
  ["an unknown product", "GET", "/shops/SHOP/products/172000", undefined, 404, /no product 172000/],
  ["a product of another shop", "GET", "/shops/OTHER_SHOP/products/PRODUCT", undefined, 404, /no product/],
  ["deleting an unknown product", "POST", "/shops/SHOP/products/172000/delete", undefined, 404, /no product/],
  ["deleting a deleted product", "POST", "/shops/SHOP/products/DELETED/delete", undefined, 409, /already deleted/],
  ["a review without approve", "POST", "/shops/SHOP/products/PRODUCT/review", { reason: "x" }, 400, /approve/],
  ["a review of a product not under review", "POST", "/shops/SHOP/products/PRODUCT/review", { approve: true }, 409, /no version under review/],
  ["global products for an unknown shop", "POST", "/global-products", { products: [good], publishTo: ["749000"] }, 404, /unknown shop: 749000/],
  ["global products published nowhere", "POST", "/global-products", { products: [good], publishTo: [] }, 400, /publishTo/],
  ["global products across two sellers", "POST", "/global-products", { products: [good], publishTo: ["CB_SHOP", "SHOP"] }, 400, /must belong to the global product's seller/],
  ["global products of an unknown seller", "POST", "/global-products", { sellerId: "749999", products: [good], publishTo: ["CB_SHOP"] }, 404, /unknown seller 749999/],
  ["a bad global product seed", "POST", "/global-products", { products: [{ title: "" , skus: good.skus }], publishTo: ["CB_SHOP"] }, 400, /products\.0\.title/],
  ["an unknown global product", "GET", "/global-products/178000", undefined, 404, /unknown global product 178000/],
  ["an order for an unknown shop", "POST", "/shops/749000/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }] }, 404, /unknown shop/],
  ["an order without line items", "POST", "/shops/SHOP/orders", { lineItems: [] }, 400, /lineItems/],
  ["a line with both skuId and sellerSku", "POST", "/shops/SHOP/orders", { lineItems: [{ skuId: "1", sellerSku: "CAP", quantity: 1 }] }, 400, /exactly one of skuId or sellerSku/],
  ["a line with quantity 0", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 0 }] }, 400, /quantity/],
  ["an unknown SKU on the second line", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }, { sellerSku: "NOPE", quantity: 1 }] }, 404, /no SKU NOPE/],
  ["a deleted product's SKU", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "GONE", quantity: 1 }] }, 404, /no SKU GONE/],
  ["an order in a status it cannot start in", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }], status: "DELIVERED" }, 400, /status/],
  ["a discount over the total", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }], discount: "50.00" }, 400, /discount is larger/],
  ["a fee with too many decimals", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }], shippingFee: "1.234" }, 400, /fit the currency USD/],
  ["an order with an unknown field", "POST", "/shops/SHOP/orders", { lineItems: [{ sellerSku: "CAP", quantity: 1 }], coupon: "X" }, 400, /coupon/],
  ["a status for an unknown order", "POST", "/orders/576000/status", { status: "CANCELLED" }, 404, /unknown order 576000/],
  ["an unknown status", "POST", "/orders/ORDER/status", { status: "LOST" }, 400, /status/],
  ["an illegal transition", "POST", "/orders/ORDER/status", { status: "COMPLETED" }, 409, /cannot become COMPLETED/],
  ["an unknown order", "GET", "/orders/576000", undefined, 404, /unknown order/],
  ["ageing an unknown package", "POST", "/packages/1152000/age", { hours: 73 }, 404, /unknown package 1152000/],
  ["authorizing an unknown app", "POST", "/authorize", { appKey: "nope", shopId: "SHOP" }, 404, /unknown app nope/],
  ["authorizing without an appKey", "POST", "/authorize", { shopId: "SHOP" }, 400, /appKey/],
  ["authorizing an unknown seller", "POST", "/authorize", { appKey: APP.appKey, sellerId: "749999" }, 404, /existing sellerId or shopId/],
  ["deauthorizing an unknown shop", "POST", "/shops/749000/deauthorize", {}, 404, /unknown shop/],
  ["deauthorizing with a bad appKey", "POST", "/shops/SHOP/deauthorize", { appKey: 5 }, 400, /appKey/],
  ["an expiry warning for an unknown shop", "POST", "/shops/749000/authorization-expiring", {}, 404, /unknown shop/],
  ["an expiry warning over a year out", "POST", "/shops/SHOP/authorization-expiring", { days: 400 }, 400, /days/],
];

describe("TikTok control API bad input", () => {
  it.each(cases)("refuses %s", async (_what, method, path, body, status, message) => {
    const before = JSON.stringify(getStore(kit.server.ctx).s);
    const raw = typeof body === "string" ? body : body === undefined ? undefined : fill(JSON.stringify(body));
    const res = await fetch(`${kit.url}/__sandbox/tiktok${fill(path)}`, { method, headers: raw === undefined ? {} : { "content-type": "application/json" }, body: raw });
    const answer = (await res.json()) as Json;
    expect(res.status).toBe(status);
    expect(answer.error).toMatch(message);
    expect(JSON.stringify(getStore(kit.server.ctx).s)).toBe(before);
  });
});

describe("GET /__sandbox/tiktok/global-products/:id", () => {
  it("answers the global product as Get Global Product does, plus its history", async () => {
    const made = (await kit.control("POST", "/__sandbox/tiktok/global-products", {
      products: [{ title: "Scarf", description: "Wool", skus: [{ sellerSku: "SCARF-1", price: "20", quantity: 2, barcode: "4006381333931" }] }], publishTo: [ids.CB_SHOP],
    })).body.globalProducts[0];
    const res = await kit.control("GET", `/__sandbox/tiktok/global-products/${made.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: made.id, title: "Scarf", description: "Wool", status: "PUBLISHED", global_seller_id: ids.CB_SELLER,
      skus: [{ id: made.skus[0].id, seller_sku: "SCARF-1", price: { amount: "20.00", currency: "USD" }, identifier_code: { code: "4006381333931", type: "EAN" } }],
      products: [{ region: "GB", id: made.localProducts[0].productId, sku_mappings: [{ global_sku_id: made.skus[0].id, local_sku_id: made.localProducts[0].skus[0].id }] }],
      history: [],
    });
  });
});
