import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, connectedShop, startKit, type Kit } from "./test-kit";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(async () => {
  await kit.close();
});

describe("Update Price: list price and promotions", () => {
  it("keeps a US list price at or above the price, and refuses price updates while a promotion runs", async () => {
    const { shop, token } = await connectedShop(kit);
    const created = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "Tee", description: "d", skus: [{ sellerSku: "T-1", price: "10", quantity: 1 }] }] });
    const id = created.body.products[0].id as string;
    const sku = created.body.products[0].skus[0].id as string;
    const update = (body: unknown) => api(kit, "POST", `/product/202309/products/${id}/prices/update`, { token: token.access_token, cipher: shop.cipher, body });

    expect((await update({ skus: [{ id: sku, price: { amount: "12", currency: "USD" }, list_price: { amount: "15", currency: "USD" } }] })).body.code).toBe(0);
    const product = await kit.control("GET", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}`);
    expect(product.body.skus[0]).toMatchObject({ price: { sale_price: "12.00" }, list_price: { amount: "15.00", currency: "USD" } });
    expect((await update({ skus: [{ id: sku, price: { amount: "12", currency: "USD" }, list_price: { amount: "15", currency: "EUR" } }] })).body.code).toBe(12052073);

    expect((await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}/promotion`, { locked: true })).status).toBe(200);
    const locked = await update({ skus: [{ id: sku, price: { amount: "9", currency: "USD" } }] });
    expect(locked.body.code).toBe(12052038);
    await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}/promotion`, { locked: false });
    expect((await update({ skus: [{ id: sku, price: { amount: "9", currency: "USD" } }] })).body.code).toBe(0);
    expect((await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}/promotion`, { locked: "yes" })).status).toBe(400);
  });
});
