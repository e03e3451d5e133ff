import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, APP, connectedShop, receiver, startKit, type Kit } from "./test-kit";
import type { Json } from "./test-kit";

let kit: Kit;
let hooks: Awaited<ReturnType<typeof receiver>>;
beforeEach(async () => {
  kit = await startKit();
  hooks = await receiver();
});
afterEach(async () => {
  await kit.close();
  await hooks.close();
});

const seed = (n: number, prefix = "SKU") => ({
  products: Array.from({ length: n }, (_, i) => ({ title: `Product ${i}`, description: "d", skus: [{ sellerSku: `${prefix}-${i}`, price: "10.5", quantity: 5, barcode: "012345678905" }] })),
});

describe("products", () => {
  it("seeds through the control API and pages search results with page_token", async () => {
    const { shop, token } = await connectedShop(kit);
    const created = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, seed(25));
    expect(created.status).toBe(201);
    expect(created.body.products).toHaveLength(25);
    const seen = new Set<string>();
    let pageToken = "";
    for (let i = 0; i < 5; i++) {
      const res = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "10", ...(pageToken ? { page_token: pageToken } : {}) }, body: {} });
      expect(res.body.code).toBe(0);
      expect(res.body.data.total_count).toBe(25);
      for (const p of res.body.data.products) seen.add(p.id);
      pageToken = res.body.data.next_page_token;
      if (!pageToken) break;
    }
    expect(seen.size).toBe(25);
    const bySku = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "10" }, body: { seller_skus: ["SKU-7"] } });
    expect(bySku.body.data.products).toHaveLength(1);
    expect(bySku.body.data.products[0].skus[0]).toMatchObject({ seller_sku: "SKU-7", price: { currency: "USD", sale_price: "10.50" } });
    const tooMany = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "10" }, body: { seller_skus: Array.from({ length: 11 }, (_, i) => `S${i}`) } });
    expect(tooMany.body.code).toBe(12019027);
    const badSize = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "101" }, body: {} });
    expect(badSize.body.code).toBe(12019109);
    const got = await api(kit, "GET", `/product/202309/products/${created.body.products[0].id}`, { token: token.access_token, cipher: shop.cipher });
    expect(got.body.data.skus[0].identifier_code).toEqual({ code: "012345678905", type: "UPC" });
  });

  it("never returns past 10,000 results (12052180)", async () => {
    const { shop, token } = await connectedShop(kit);
    await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, seed(10_050));
    await kit.control("POST", "/__sandbox/config", { tiktok: { rateLimitPerSecond: 1000 } });
    let pageToken = "";
    let count = 0;
    let last: Json;
    for (let i = 0; i < 101; i++) {
      last = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query: { page_size: "100", ...(pageToken ? { page_token: pageToken } : {}) }, body: {} });
      if (last.body.code !== 0) break;
      count += last.body.data.products.length;
      pageToken = last.body.data.next_page_token;
    }
    expect(count).toBe(10_000);
    expect(last.body.code).toBe(12052180);
  }, 30_000);

  it("partial edit replaces per field, reviews content edits and goes live after the review delay with webhooks", async () => {
    const { shop, token } = await connectedShop(kit, { webhookUrl: hooks.url });
    await kit.control("POST", "/__sandbox/config", { tiktok: { reviewSeconds: 600 } });
    const { products } = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
      products: [{ title: "Old", skus: [{ sellerSku: "A", price: "5", quantity: 1 }, { sellerSku: "B", price: "6", quantity: 2 }] }],
    })).body;
    const id = products[0].id;
    const skuA = products[0].skus[0].id;
    const path = `/product/202509/products/${id}/partial_edit`;
    const edit = await api(kit, "POST", path, {
      token: token.access_token, cipher: shop.cipher,
      body: { title: "New title", skus: [{ id: skuA, seller_sku: "A", price: { amount: "7.00", currency: "USD" }, inventory: [{ warehouse_id: shop.warehouseIds[0], quantity: 3 }] }] },
    });
    expect(edit.body.code).toBe(0);
    expect(edit.body.data.audit.status).toBe("AUDITING");
    expect(edit.body.data.skus).toHaveLength(1); // sending skus deletes the ones left out
    const during = await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher });
    expect(during.body.data.title).toBe("Old"); // the live version stays during review
    expect(during.body.data.skus.find((k: Json) => k.id === skuA).price.sale_price).toBe("7.00"); // price is not reviewed
    const review = await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher, query: { return_under_review_version: "true" } });
    expect(review.body.data.title).toBe("New title");
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 601 });
    const after = await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher });
    expect(after.body.data.title).toBe("New title");
    expect(after.body.data.skus).toHaveLength(1);
    expect(after.body.data.audit.status).toBe("APPROVED");
    const got = await hooks.waitFor(2);
    const types = got.map((g) => g.json.type).sort((a, b) => a - b);
    expect(types).toEqual([5, 15]);
    for (const g of got) {
      expect(g.headers.authorization).toBe(crypto.createHmac("sha256", APP.appSecret).update(APP.appKey + g.body).digest("hex"));
      expect(g.json.shop_id).toBe(shop.shopId);
    }
    const control = await kit.control("GET", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}`);
    expect(control.body.history.map((h: Json) => h.endpoint)).toContain("POST /product/202509/products/{product_id}/partial_edit");
  });

  it("updates prices and reports per-item inventory failures in data.errors[]", async () => {
    const { shop, token } = await connectedShop(kit, { warehouses: ["Main", "Second"] });
    const { products } = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, seed(1))).body;
    const [id, sku] = [products[0].id, products[0].skus[0].id];
    const price = await api(kit, "POST", `/product/202309/products/${id}/prices/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, price: { amount: "12.99", currency: "USD" } }] } });
    expect(price.body.code).toBe(0);
    const wrongCurrency = await api(kit, "POST", `/product/202309/products/${id}/prices/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, price: { amount: "1", currency: "EUR" } }] } });
    expect(wrongCurrency.body.code).toBe(12052084);
    const inv = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, {
      token: token.access_token, cipher: shop.cipher,
      body: { skus: [{ id: sku, inventory: [{ warehouse_id: "999", quantity: 3 }] }, { id: "173000", inventory: [{ warehouse_id: shop.warehouseIds[0], quantity: 1 }] }] },
    });
    expect(inv.body.code).toBe(0);
    expect(inv.body.data.errors).toHaveLength(2);
    expect(inv.body.data.errors[0].detail.extra_errors[0].code).toBe(12052097);
    const good = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, inventory: [{ warehouse_id: shop.warehouseIds[0], quantity: 42 }] }] } });
    expect(good.body.data.errors).toBeUndefined();
    const p = (await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher })).body.data;
    expect(p.skus[0].price.sale_price).toBe("12.99");
    expect(p.skus[0].inventory).toEqual([{ warehouse_id: shop.warehouseIds[0], quantity: 42 }]);
    // with two warehouses the id is required, and a warehouse cannot be listed twice
    const unnamed = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, inventory: [{ quantity: 7 }] }] } });
    expect(unnamed.body.data.errors[0].detail.extra_errors).toEqual([expect.objectContaining({ code: 12019028 })]);
    const twice = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, {
      token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, inventory: [{ warehouse_id: shop.warehouseIds[0], quantity: 1 }, { warehouse_id: shop.warehouseIds[0], quantity: 2 }] }] },
    });
    expect(twice.body.data.errors[0].detail.extra_errors).toEqual([expect.objectContaining({ code: 12052037, warehouse_id: shop.warehouseIds[0] })]);
    const after = (await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher })).body.data;
    expect(after.skus[0].inventory).toEqual([{ warehouse_id: shop.warehouseIds[0], quantity: 42 }]);
  });

  it("takes inventory without warehouse_id in a single-warehouse shop, as the spec allows", async () => {
    const { shop, token } = await connectedShop(kit);
    const { products } = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, seed(1))).body;
    const [id, sku] = [products[0].id, products[0].skus[0].id];
    const res = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, inventory: [{ quantity: 17 }] }] } });
    expect(res.body).toMatchObject({ code: 0, data: {} });
    expect(res.body.data.errors).toBeUndefined();
    const p = (await api(kit, "GET", `/product/202309/products/${id}`, { token: token.access_token, cipher: shop.cipher })).body.data;
    expect(p.skus[0].inventory).toEqual([{ warehouse_id: shop.warehouseIds[0], quantity: 17 }]);
    const bad = await api(kit, "POST", `/product/202309/products/${id}/inventory/update`, { token: token.access_token, cipher: shop.cipher, body: { skus: [{ id: sku, inventory: [{ quantity: -1 }] }] } });
    expect(bad.body.data.errors[0].detail.extra_errors).toEqual([expect.objectContaining({ code: 12052055, warehouse_id: shop.warehouseIds[0] })]);
  });

  it("global products: search, get, and edits pushed to every market's local product", async () => {
    await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP });
    const us = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "CB US", region: "US", sellerType: "CROSS_BORDER" })).body;
    const gb = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "CB GB", region: "GB", sellerType: "CROSS_BORDER", sellerId: us.sellerId })).body;
    const made = await kit.control("POST", "/__sandbox/tiktok/global-products", { products: [{ title: "Global", skus: [{ sellerSku: "G1", price: "9.99", quantity: 4 }] }], publishTo: [us.shopId, gb.shopId] });
    expect(made.status).toBe(201);
    const g = made.body.globalProducts[0];
    expect(g.localProducts).toHaveLength(2);
    const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: APP.appKey, sellerId: us.sellerId })).body;
    const tok = (await (await fetch(`${kit.url}/tiktok/auth/api/v2/token/get?app_key=${APP.appKey}&app_secret=${APP.appSecret}&auth_code=${code}&grant_type=authorized_code`)).json()).data.access_token;
    const shops = await api(kit, "GET", "/authorization/202309/shops", { token: tok });
    expect(shops.body.data.shops).toHaveLength(2); // one authorization covers all the seller's shops
    const search = await api(kit, "POST", "/product/202312/global_products/search", { token: tok, query: { page_size: "20" }, body: {} });
    expect(search.body.data.global_products[0].id).toBe(g.id);
    expect((await api(kit, "POST", "/product/202312/global_products/search", { token: tok, cipher: us.cipher, query: { page_size: "20" }, body: {} })).body.code).toBe(36009004);
    const edit = await api(kit, "PUT", `/product/202509/global_products/${g.id}/partial_edit`, { token: tok, body: { title: "Global v2" } });
    expect(edit.body.code).toBe(0);
    expect(edit.body.data.publish_results.map((r: Json) => r.region).sort()).toEqual(["GB", "US"]);
    const local = await api(kit, "GET", `/product/202309/products/${g.localProducts[1].productId}`, { token: tok, cipher: gb.cipher });
    expect(local.body.data.title).toBe("Global v2");
    expect(local.body.data.skus[0].price.currency).toBe("GBP");
    const full = await api(kit, "GET", `/product/202309/global_products/${g.id}`, { token: tok });
    expect(full.body.data.products.map((p: Json) => p.id).sort()).toEqual(g.localProducts.map((l: Json) => l.productId).sort());
  });
});
