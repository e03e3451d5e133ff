// The index page and its demo forms, over HTTP through the real server with both stand-ins.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shopifyModule } from "../shopify";
import { createOrder } from "../shopify/orders";
import { shopifyState } from "../shopify/state";
import { tiktokModule } from "../tiktok";
import { createSandboxServer, type SandboxServer } from "./server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const DOMAIN = "index-test.myshopify.com";
const EVIL = `<script>alert("x")</script> & 'quotes'`;
let server: SandboxServer;
let dir = "";
let shopId = "";
let orderId = 0;

const control = async (method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }> => {
  const res = await fetch(server.url + p, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const page = async (p = "/") => {
  const res = await fetch(server.url + p);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};
const submit = (action: string, fields: Record<string, string>) =>
  fetch(server.url + action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString(), redirect: "manual" });
/** Where a 303 sends the browser, and the message it carries. */
const followed = (res: Response) => {
  const location = new URL(res.headers.get("location") ?? "", "http://127.0.0.1");
  return { path: location.pathname, ok: location.searchParams.get("ok"), message: location.searchParams.get("message") ?? "", search: location.search };
};
/** The action of the form whose button or hidden label mentions `label`. */
const formAction = (html: string, label: string) => {
  const form = html.split("<form").find((f) => f.includes(label));
  return /action="([^"]+)"/.exec(form ?? "")?.[1]?.replace(/&amp;/g, "&");
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sbx-index-"));
  server = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir: dir, modules: [tiktokModule, shopifyModule] });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("index page", () => {
  it("shows both platforms before anything is seeded", async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/html");
    expect(res.text).toContain("<h2>TikTok Shop</h2>");
    expect(res.text).toContain("<h2>Shopify</h2>");
    expect(res.text.match(/No shops yet/g)).toHaveLength(2);
    expect((await fetch(server.url + "/", { method: "POST" })).status).toBe(405);
  });

  it("lists thousands of products as counts plus the first rows, escaped", async () => {
    shopId = (await control("POST", "/__sandbox/tiktok/shops", { name: `Shop ${EVIL}`, region: "US", sellerType: "LOCAL" })).body.shopId;
    const ttProducts = Array.from({ length: 3000 }, (_, i) => ({ title: i === 2999 ? EVIL : `Tee ${i}`, skus: [{ sellerSku: i === 2999 ? "EVIL-<b>" : `TEE-${i}`, price: "10.00", quantity: 5 }] }));
    expect((await control("POST", `/__sandbox/tiktok/shops/${shopId}/products`, { products: ttProducts })).status).toBe(201);
    expect((await control("POST", "/__sandbox/shopify/shops", { domain: DOMAIN, locations: [{ name: "Main" }, { name: "Overflow" }] })).status).toBe(201);
    const spProducts = Array.from({ length: 3000 }, (_, i) => ({ title: i === 0 ? EVIL : `Cap ${i}`, descriptionHtml: "", variants: [{ sku: `CAP-${i}`, barcode: `0860000${String(i).padStart(5, "0")}`, price: "12.00", inventoryQuantity: 3 }] }));
    expect((await control("POST", `/__sandbox/shopify/shops/${DOMAIN}/products`, { products: spProducts })).status).toBe(201);

    const { text } = await page();
    expect(text).not.toContain("<script>alert");
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(text).toContain("EVIL-&lt;b&gt;");
    expect(text).toContain("Showing the newest 20 of 3000 products.");
    expect(text).toContain("Showing the first 20 of 3000 products.");
    expect(text).toContain("Locations: Main (primary), Overflow");
    expect(text).toContain("TEE-2998"); // newest TikTok products first
    expect(text).not.toContain("TEE-2900");
    expect(text).not.toContain("CAP-500");
    expect(text.length).toBeLessThan(100_000);
  });

  it("places a TikTok order through the form and shows it", async () => {
    const action = formAction((await page()).text, "Place order");
    expect(action).toBe(`/__sandbox/ui/tiktok/shops/${shopId}/orders`);
    const res = await submit(action!, {
      "lineItems.0.sellerSku": "TEE-7", "lineItems.0.skuId": "", "lineItems.0.quantity:number": "2", status: "AWAITING_SHIPMENT",
      _label: "TikTok order", _report: "orderId,status",
    });
    expect(res.status).toBe(303);
    const back = followed(res);
    expect(back.path).toBe("/");
    expect(back.ok).toBe("1");
    const placed = /orderId (\d+)/.exec(back.message)?.[1];
    expect(back.message).toContain("status AWAITING_SHIPMENT");
    const order = await control("GET", `/__sandbox/tiktok/orders/${placed}`);
    expect(order.body.line_items.map((li: Json) => li.seller_sku)).toEqual(["TEE-7", "TEE-7"]);
    const shown = await page(`/${back.search}`);
    expect(shown.text).toContain('class="msg ok"');
    expect(shown.text).toContain(placed);
    expect(shown.text).toContain("2× <code>TEE-7</code>");
  });

  it("answers a bad TikTok order form with the control API's message", async () => {
    const unknown = followed(await submit(`/__sandbox/ui/tiktok/shops/${shopId}/orders`, { "lineItems.0.sellerSku": "NOPE", "lineItems.0.quantity:number": "1", _label: "TikTok order" }));
    expect(unknown.ok).toBe("0");
    expect(unknown.message).toContain("TikTok order failed (HTTP 404): no SKU NOPE");
    const both = followed(await submit(`/__sandbox/ui/tiktok/shops/${shopId}/orders`, { "lineItems.0.sellerSku": "TEE-1", "lineItems.0.skuId": "173", "lineItems.0.quantity:number": "1" }));
    expect(both.message).toContain("give exactly one of skuId or sellerSku");
    const notNumber = followed(await submit(`/__sandbox/ui/tiktok/shops/${shopId}/orders`, { "lineItems.0.sellerSku": "TEE-1", "lineItems.0.quantity:number": "two" }));
    expect(notNumber.message).toContain("lineItems.0.quantity must be a number");
    const noPlatform = followed(await submit("/__sandbox/ui/amazon/orders", { a: "1" }));
    expect(noPlatform.message).toContain("no platform");
    expect((await fetch(`${server.url}/__sandbox/ui/tiktok/shops/${shopId}/orders`)).status).toBe(405);
  });

  it("fulfills a Shopify order through the form with tracking number and carrier", async () => {
    const st = shopifyState(server.ctx);
    const shop = st.shops[DOMAIN]!;
    const variantId = Number(Object.keys(shop.variants)[3]);
    const created = createOrder({ st, shop, input: { lineItems: [{ variantId, title: null, sku: null, quantity: 1, price: null }], sourceName: "ferry", sourceIdentifier: "TT-1" }, behaviour: "BYPASS", clientId: null, nowMs: Date.now() });
    if (Array.isArray(created)) throw new Error(created[0]!.message);
    orderId = created.id;
    const before = (await page()).text;
    const action = formAction(before, `Fulfilled Shopify order ${created.name}`);
    expect(action).toBe(`/__sandbox/ui/shopify/shops/${DOMAIN}/orders/${orderId}/fulfill`);
    const res = await submit(action!, { trackingNumber: "9400111899223197428490", company: "USPS", _label: `Fulfilled Shopify order ${created.name}`, _report: "name,fulfillmentStatus" });
    const back = followed(res);
    expect(res.status).toBe(303);
    expect(back.ok).toBe("1");
    expect(back.message).toBe(`Fulfilled Shopify order ${created.name}: done (name ${created.name}, fulfillmentStatus FULFILLED)`);
    const order = await control("GET", `/__sandbox/shopify/shops/${DOMAIN}/orders/${orderId}`);
    expect(order.body.fulfillments[0].tracking).toEqual([{ company: "USPS", number: "9400111899223197428490", url: null }]);
    const after = (await page()).text;
    expect(after).toContain("USPS 9400111899223197428490");
    expect(formAction(after, `Fulfilled Shopify order ${created.name}`)).toBeUndefined();

    const again = followed(await submit(action!, { trackingNumber: "X1", company: "UPS", _label: "Again" }));
    expect(again.ok).toBe("0");
    expect(again.message).toContain("Again failed (HTTP 409)");
    const missing = followed(await submit(action!, { company: "UPS" }));
    expect(missing.message).toContain("trackingNumber");
  });
});
