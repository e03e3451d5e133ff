// Edit Global Product (PUT, the whole product) and Partial Edit Global Product (PUT, and POST as its description
// says), both pushed to the local product in every market.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { solidPng } from "../core/png";
import { api, APP, imageForm, startKit, upload, type Json, type Kit } from "./test-kit";

let kit: Kit;
let tok: string;
let us: Json;
let gb: Json;
let g: Json;

beforeEach(async () => {
  kit = await startKit();
  await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP });
  us = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "CB US", region: "US", sellerType: "CROSS_BORDER" })).body;
  gb = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "CB GB", region: "GB", sellerType: "CROSS_BORDER", sellerId: us.sellerId })).body;
  const made = await kit.control("POST", "/__sandbox/tiktok/global-products", {
    products: [{ title: "Global Tee", description: "<p>Cotton</p>", images: ["https://img.example/1.jpg"], skus: [
      { sellerSku: "GT-S", price: "10.00", quantity: 4, barcode: "012345678905", salesAttributes: [{ name: "Size", value: "S" }] },
      { sellerSku: "GT-M", price: "11.00", quantity: 5, salesAttributes: [{ name: "Size", value: "M" }] },
    ] }],
    publishTo: [us.shopId, gb.shopId],
  });
  g = made.body.globalProducts[0];
  const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: APP.appKey, sellerId: us.sellerId })).body;
  tok = (await (await fetch(`${kit.url}/tiktok/auth/api/v2/token/get?app_key=${APP.appKey}&app_secret=${APP.appSecret}&auth_code=${code}&grant_type=authorized_code`)).json()).data.access_token;
});
afterEach(async () => {
  await kit.close();
});

const getGlobal = async () => (await api(kit, "GET", `/product/202309/global_products/${g.id}`, { token: tok })).body.data;
const getLocal = async (i: number) => {
  const local = g.localProducts[i];
  return (await api(kit, "GET", `/product/202309/products/${local.productId}`, { token: tok, cipher: i === 0 ? us.cipher : gb.cipher })).body.data;
};

describe("Edit Global Product (PUT, whole product)", () => {
  it("replaces every field, blanks included, deletes SKUs left out and pushes to every market", async () => {
    const partial = await api(kit, "POST", `/product/202509/global_products/${g.id}/partial_edit`, { token: tok, body: { brand_id: "7082427311584347905" } });
    expect(partial.body.code).toBe(0);
    expect((await getGlobal()).brand_id).toBe("7082427311584347905");
    const [s] = g.skus;
    const image = (await upload(kit, "/product/202309/images/upload", { token: tok, form: imageForm(solidPng({ width: 500, height: 500, rgb: [0, 0, 0] })) })).body.data;
    const res = await api(kit, "PUT", `/product/202309/global_products/${g.id}`, {
      token: tok,
      body: {
        title: "Global Tee v2", description: "", main_images: [{ uri: image.uri }],
        skus: [{ id: s.id, seller_sku: "GT-S", price: { amount: "12.50", currency: "USD" } }, { seller_sku: "GT-L", price: { amount: "13", currency: "USD" } }],
      },
    });
    expect(res.body.code).toBe(0);
    expect(res.body.data.publish_results).toEqual([{ region: "US", status: "SUCCESS", fail_reasons: [] }, { region: "GB", status: "SUCCESS", fail_reasons: [] }]);
    expect(res.body.data.global_skus.map((k: Json) => k.seller_sku)).toEqual(["GT-S", "GT-L"]);
    const after = await getGlobal();
    expect(after).toMatchObject({ title: "Global Tee v2", description: "", main_images: [{ uri: image.uri, urls: [image.url] }] });
    expect(after.brand_id).toBeUndefined(); // not sent, so overwritten
    expect(after.skus.map((k: Json) => [k.seller_sku, k.price.amount])).toEqual([["GT-S", "12.50"], ["GT-L", "13.00"]]);
    expect(after.skus[0].identifier_code).toBeUndefined(); // whole edit: the barcode was not sent
    expect(after.skus[0].id).toBe(s.id);
    for (const [i, currency] of [[0, "USD"], [1, "GBP"]] as const) {
      const local = await getLocal(i);
      expect(local.title).toBe("Global Tee v2");
      expect(local.skus.map((k: Json) => [k.seller_sku, k.price.sale_price, k.price.currency])).toEqual([["GT-S", "12.50", currency], ["GT-L", "13.00", currency]]);
      // the local SKU of GT-S keeps its id and stock; the new SKU gets a new id
      expect(local.skus[0].id).toBe(g.localProducts[i].skus[0].id);
      expect(local.skus[0].inventory[0].quantity).toBe(4);
    }
    const mappings = after.products.map((p: Json) => p.sku_mappings.map((m: Json) => m.global_sku_id));
    expect(mappings).toEqual([[s.id, after.skus[1].id], [s.id, after.skus[1].id]]);
    const control = (await kit.control("GET", `/__sandbox/tiktok/global-products/${g.id}`)).body;
    expect(control.history.map((h: Json) => h.endpoint)).toEqual(["POST /product/202509/global_products/{global_product_id}/partial_edit", "PUT /product/202309/global_products/{global_product_id}"]);
  });

  it.each([
    ["a required field left out", (skuId: string) => ({ title: "T", description: "", skus: [{ id: skuId, seller_sku: "GT-S", price: { amount: "1", currency: "USD" } }] }), 12052910],
    ["a SKU without its price", (skuId: string) => ({ title: "T", description: "", main_images: [], skus: [{ id: skuId, seller_sku: "GT-S" }] }), 12019010],
    ["a SKU id of another product", () => ({ title: "T", description: "", main_images: [], skus: [{ id: "179000000000000999", seller_sku: "X", price: { amount: "1", currency: "USD" } }] }), 12052557],
    ["an empty SKU list", () => ({ title: "T", description: "", main_images: [], skus: [] }), 12052902],
    ["a blank title", (skuId: string) => ({ title: "", description: "", main_images: [], skus: [{ id: skuId, seller_sku: "GT-S", price: { amount: "1", currency: "USD" } }] }), 12052910],
  ])("refuses %s and changes nothing", async (_name, body, code) => {
    const before = await getGlobal();
    const res = await api(kit, "PUT", `/product/202309/global_products/${g.id}`, { token: tok, body: body(g.skus[0].id) });
    expect(res.body.code).toBe(code);
    expect(await getGlobal()).toEqual(before);
    expect((await getLocal(1)).title).toBe("Global Tee");
  });

  it("answers 12052032 for an unknown global product", async () => {
    const res = await api(kit, "PUT", "/product/202309/global_products/178000000000000999", { token: tok, body: { title: "T", description: "", main_images: [], skus: [] } });
    expect(res.body.code).toBe(12052032);
  });
});

describe("Partial Edit Global Product", () => {
  it.each(["PUT", "POST"])("by %s changes only the fields sent and keeps the SKUs' other fields", async (method) => {
    const res = await api(kit, method, `/product/202509/global_products/${g.id}/partial_edit`, { token: tok, body: { description: "<p>Organic cotton</p>" } });
    expect(res.body.code).toBe(0);
    const after = await getGlobal();
    expect(after).toMatchObject({ title: "Global Tee", description: "<p>Organic cotton</p>", main_images: [{ uri: expect.any(String) }] });
    expect(after.skus.map((k: Json) => k.seller_sku)).toEqual(["GT-S", "GT-M"]);
    expect((await getLocal(1)).description).toBe("<p>Organic cotton</p>");
    // sending skus replaces the list; an existing SKU keeps what it does not send
    const skus = await api(kit, method, `/product/202509/global_products/${g.id}/partial_edit`, { token: tok, body: { skus: [{ id: g.skus[0].id, price: { amount: "9.00", currency: "USD" } }] } });
    expect(skus.body.code).toBe(0);
    const again = await getGlobal();
    expect(again.skus).toHaveLength(1);
    expect(again.skus[0]).toMatchObject({ seller_sku: "GT-S", price: { amount: "9.00" }, identifier_code: { code: "012345678905" }, sales_attributes: [expect.objectContaining({ name: "Size" })] });
    const local = await getLocal(0);
    expect(local.skus.map((k: Json) => [k.seller_sku, k.price.sale_price])).toEqual([["GT-S", "9.00"]]);
  });

  it("is refused by a seller that does not own the product", async () => {
    const other = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Other", region: "US", sellerType: "LOCAL" })).body;
    const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: APP.appKey, shopId: other.shopId })).body;
    const otherTok = (await (await fetch(`${kit.url}/tiktok/auth/api/v2/token/get?app_key=${APP.appKey}&app_secret=${APP.appSecret}&auth_code=${code}&grant_type=authorized_code`)).json()).data.access_token;
    const res = await api(kit, "POST", `/product/202509/global_products/${g.id}/partial_edit`, { token: otherTok, body: { title: "Mine now" } });
    expect(res.body.code).toBe(12052048);
    expect((await getGlobal()).title).toBe("Global Tee");
  });
});
