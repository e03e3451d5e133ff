// Upload Product Image (multipart, no shop_cipher) and main_images that refer to uploaded images by uri.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { solidPng } from "../core/png";
import { api, connectedShop, imageForm, startKit, upload, type Json, type Kit } from "./test-kit";

const UPLOAD = "/product/202309/images/upload";
let kit: Kit;
let token: string;
let shop: Json;
beforeEach(async () => {
  kit = await startKit();
  const connected = await connectedShop(kit);
  token = connected.token.access_token;
  shop = connected.shop;
});
afterEach(async () => {
  await kit.close();
});

const png = (width: number, height: number) => solidPng({ width, height, rgb: [200, 30, 30] });

describe("Upload Product Image", () => {
  it("stores the image and answers its uri, url and size; the url serves the bytes", async () => {
    const bytes = png(600, 600);
    const res = await upload(kit, UPLOAD, { token, form: imageForm(bytes, { useCase: "MAIN_IMAGE" }) });
    expect(res.body.code).toBe(0);
    expect(res.body.data).toMatchObject({ uri: expect.stringMatching(/^tos-/), width: 600, height: 600, use_case: "MAIN_IMAGE" });
    const served = await fetch(res.body.data.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const again = await upload(kit, UPLOAD, { token, form: imageForm(bytes) });
    expect(again.body.data.uri).not.toBe(res.body.data.uri); // every upload is a new image
    expect(again.body.data.use_case).toBe("MAIN_IMAGE");
  });

  it("converts a main image outside 3:4 to 4:3 to 1:1", async () => {
    const res = await upload(kit, UPLOAD, { token, form: imageForm(png(1000, 400), { useCase: "MAIN_IMAGE" }) });
    expect(res.body.data).toMatchObject({ width: 1000, height: 1000 });
    const desc = await upload(kit, UPLOAD, { token, form: imageForm(png(1000, 400), { useCase: "DESCRIPTION_IMAGE" }) });
    expect(desc.body.data).toMatchObject({ width: 1000, height: 400 });
  });

  it.each([
    ["a JSON body", async () => api(kit, "POST", UPLOAD, { token, body: { data: "x" } }), 36009023],
    ["no data part", async () => { const f = new FormData(); f.append("use_case", "MAIN_IMAGE"); return upload(kit, UPLOAD, { token, form: f }); }, 12038002],
    ["data sent as a text field", async () => { const f = new FormData(); f.append("data", "not a file"); return upload(kit, UPLOAD, { token, form: f }); }, 12038002],
    ["an unknown use_case", async () => upload(kit, UPLOAD, { token, form: imageForm(png(600, 600), { useCase: "BANNER" }) }), 11050001],
    ["a GIF", async () => upload(kit, UPLOAD, { token, form: imageForm(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), { filename: "a.gif", type: "image/gif" }) }), 12038015],
    ["a main image under 300 px", async () => upload(kit, UPLOAD, { token, form: imageForm(png(299, 400), { useCase: "MAIN_IMAGE" }) }), 12038014],
    ["a main image over 4000 px", async () => upload(kit, UPLOAD, { token, form: imageForm(png(4001, 10), { useCase: "MAIN_IMAGE" }) }), 12038014],
    ["a size chart under 1024 px on its short side", async () => upload(kit, UPLOAD, { token, form: imageForm(png(1200, 1000), { useCase: "SIZE_CHART_IMAGE" }) }), 12019116],
    ["a file over 10 MB", async () => upload(kit, UPLOAD, { token, form: imageForm(Buffer.concat([png(600, 600), Buffer.alloc(10 * 1024 * 1024)])) }), 12038005],
    ["a shop_cipher", async () => upload(kit, UPLOAD, { token, cipher: shop.cipher, form: imageForm(png(600, 600)) }), 36009004],
  ])("refuses %s like TikTok", async (_label, send, code) => {
    const res = await send();
    expect(res.body.code).toBe(code);
    expect(res.body.data).toBeNull();
  });

  it("refuses a multipart body without a boundary", async () => {
    const res = await upload(kit, UPLOAD, { token, form: imageForm(png(600, 600)), contentType: "multipart/form-data" });
    expect(res.body.code).toBe(36009022);
  });
});

describe("main_images in Partial Edit", () => {
  async function product() {
    const created = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "Tee", description: "<p>d</p>", images: ["https://img.example/tee.jpg"], skus: [{ sellerSku: "T-1", price: "10", quantity: 1 }] }] });
    return created.body.products[0].id as string;
  }
  const edit = (id: string, body: unknown) => api(kit, "POST", `/product/202509/products/${id}/partial_edit`, { token, cipher: shop.cipher, body });
  const uploaded = async (useCase = "MAIN_IMAGE") => (await upload(kit, UPLOAD, { token, form: imageForm(png(800, 800), { useCase }) })).body.data;

  it("takes uploaded uris in the order sent and keeps the images already shown", async () => {
    const id = await product();
    const before = (await kit.control("GET", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}`)).body;
    const [a, b] = [await uploaded(), await uploaded()];
    const res = await edit(id, { main_images: [{ uri: b.uri }, { uri: before.main_images[0].uri }, { uri: a.uri }] });
    expect(res.body.code).toBe(0);
    const after = (await kit.control("GET", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}`)).body;
    expect(after.underReview.version.main_images).toEqual([
      { uri: b.uri, urls: [b.url], thumb_urls: [b.url], height: 800, width: 800 },
      before.main_images[0],
      { uri: a.uri, urls: [a.url], thumb_urls: [a.url], height: 800, width: 800 },
    ]);
    expect(after.underReview.changedFields).toEqual(["main_images"]);
  });

  it.each([
    ["an empty list", () => [], 12052028],
    ["a uri TikTok never issued", () => [{ uri: "tos-maliva-i-made-up/1" }], 12052722],
    ["ten images", (u: Json) => Array.from({ length: 10 }, () => ({ uri: u.uri })), 12052306],
  ])("refuses %s and changes nothing", async (_label, images, code) => {
    const id = await product();
    const u = await uploaded();
    const res = await edit(id, { title: "New title", main_images: images(u) });
    expect(res.body.code).toBe(code);
    const after = (await kit.control("GET", `/__sandbox/tiktok/shops/${shop.shopId}/products/${id}`)).body;
    expect(after.title).toBe("Tee");
    expect(after.underReview).toBeNull();
  });

  it("refuses an image uploaded for another use case, and another seller's image", async () => {
    const id = await product();
    const attribute = await uploaded("ATTRIBUTE_IMAGE");
    expect((await edit(id, { main_images: [{ uri: attribute.uri }] })).body.code).toBe(12052300);
    const other = await connectedShop(kit, { region: "GB" });
    const theirs = (await upload(kit, UPLOAD, { token: other.token.access_token, form: imageForm(png(800, 800)) })).body.data;
    expect((await edit(id, { main_images: [{ uri: theirs.uri }] })).body.code).toBe(12052722);
  });
});
