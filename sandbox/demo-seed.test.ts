// The demo seed against an in-process sandbox: idempotent, and the catalogs really disagree the way the brief says,
// checked through what the sandbox serves (control API, Shopify Admin GraphQL, signed TikTok Open API).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxServer, type SandboxServer } from "./core/server";
import { DEMO_SHOPIFY_DOMAIN, seedSandboxDemo, type DemoSummary, type SeedDemoOptions } from "./demo-seed";
import { shopifyModule } from "./shopify";
import { tiktokModule } from "./tiktok";
import { independentSign } from "./tiktok/test-kit";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let server: SandboxServer;
let dir = "";
let first: DemoSummary;
const options = (port: number): SeedDemoOptions => ({
  sandboxUrl: server.url,
  tiktok: { appKey: "demo-key", appSecret: "demo-secret", serviceId: "demo-service", redirectUrl: `http://127.0.0.1:${port}/api/connect/tiktok/callback`, webhookUrl: `http://127.0.0.1:${port}/api/webhooks/tiktok` },
  shopify: { clientId: "demo-client", clientSecret: "demo-client-secret", redirectUrl: `http://127.0.0.1:${port}/api/connect/shopify/callback`, complianceWebhookUrl: `http://127.0.0.1:${port}/api/webhooks/shopify` },
});

const control = async (method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }> => {
  const res = await fetch(server.url + p, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

async function shopifyToken(): Promise<string> {
  const o = options(3100).shopify; // the registration of the second run
  const form = new URLSearchParams({ client_id: o.clientId, scope: "read_products,read_inventory", redirect_uri: o.redirectUrl, state: "s", decision: "install" });
  const res = await fetch(`${server.url}/shopify/${DEMO_SHOPIFY_DOMAIN}/admin/oauth/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString(), redirect: "manual" });
  const code = new URL(res.headers.get("location")!).searchParams.get("code");
  const token = await control("POST", `/shopify/${DEMO_SHOPIFY_DOMAIN}/admin/oauth/access_token`, { client_id: o.clientId, client_secret: o.clientSecret, code });
  return token.body.access_token;
}

async function graphql(token: string, query: string): Promise<Json> {
  const res = await fetch(`${server.url}/shopify/${DEMO_SHOPIFY_DOMAIN}/admin/api/2026-10/graphql.json`, { method: "POST", headers: { "content-type": "application/json", "x-shopify-access-token": token }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as Json;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function tiktokToken(shopId: string): Promise<string> {
  const { appKey, appSecret } = options(3000).tiktok;
  const { code } = (await control("POST", "/__sandbox/tiktok/authorize", { appKey, shopId })).body;
  const res = await fetch(`${server.url}/tiktok/auth/api/v2/token/get?app_key=${appKey}&app_secret=${appSecret}&auth_code=${code}&grant_type=authorized_code`);
  return ((await res.json()) as Json).data.access_token;
}

/** A signed Open API call, signed by the tests' own signer. */
async function tiktok(o: { method: string; apiPath: string; token: string; cipher?: string; query?: Record<string, string>; body?: unknown }): Promise<Json> {
  const { appKey, appSecret } = options(3000).tiktok;
  const query: Record<string, string> = { app_key: appKey, timestamp: String(Math.floor(Date.now() / 1000)), ...(o.cipher ? { shop_cipher: o.cipher } : {}), ...(o.query ?? {}) };
  const body = o.body === undefined ? "" : JSON.stringify(o.body);
  query.sign = independentSign(appSecret, o.apiPath, query, body);
  const res = await fetch(`${server.url}/tiktok/open-api${o.apiPath}?${new URLSearchParams(query)}`, { method: o.method, headers: { "content-type": "application/json", "x-tts-access-token": o.token }, body: body || undefined });
  const answer = (await res.json()) as Json;
  if (answer.code !== 0) throw new Error(`${o.apiPath}: ${answer.code} ${answer.message}`);
  return answer.data;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sbx-demo-"));
  server = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir: dir, modules: [tiktokModule, shopifyModule] });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("seedSandboxDemo", () => {
  it("seeds once and only re-registers the apps on the second run", async () => {
    first = await seedSandboxDemo(options(3000));
    expect(first.seeded).toEqual({ shopify: true, tiktokLocal: true, tiktokGlobal: true });
    expect(first.shopifyDomain).toBe(DEMO_SHOPIFY_DOMAIN);
    expect(first.tiktokShops.map((s) => [s.region, s.sellerType])).toEqual([["US", "LOCAL"], ["GB", "CROSS_BORDER"], ["DE", "CROSS_BORDER"]]);
    expect(first.counts.shopifyProducts).toBeGreaterThanOrEqual(24);
    expect(first.counts.shopifyVariants).toBeGreaterThan(first.counts.shopifyProducts * 3);
    expect(first.counts).toMatchObject({ shopifyLocations: 2, tiktokShops: 3, tiktokGlobalProducts: 6 });

    const second = await seedSandboxDemo(options(3100));
    expect(second.seeded).toEqual({ shopify: false, tiktokLocal: false, tiktokGlobal: false });
    expect(second.counts).toEqual(first.counts);
    expect(second.tiktokShops).toEqual(first.tiktokShops);
    const apps = (await control("GET", "/__sandbox/apps")).body;
    expect(apps.tiktok["demo-key"]).toMatchObject({ serviceId: "demo-service", redirectUrl: "http://127.0.0.1:3100/api/connect/tiktok/callback" });
    expect(apps.shopify["demo-client"]).toMatchObject({ redirectUrl: "http://127.0.0.1:3100/api/connect/shopify/callback", complianceWebhookUrl: "http://127.0.0.1:3100/api/webhooks/shopify" });
    const shops = (await control("GET", "/__sandbox/tiktok/shops")).body.shops;
    expect(shops).toHaveLength(3);
    const shop = (await control("GET", `/__sandbox/shopify/shops/${DEMO_SHOPIFY_DOMAIN}`)).body;
    expect(shop).toMatchObject({ currency: "USD", products: first.counts.shopifyProducts, variants: first.counts.shopifyVariants });
    expect(shop.locations.map((l: Json) => l.name)).toEqual(["Brooklyn Warehouse", "Los Angeles Store"]);
  });

  it("builds the mismatches a mapper must handle, as the platforms serve them", async () => {
    const token = await shopifyToken();
    const data = await graphql(token, "{ productVariants(first: 250) { nodes { sku barcode product { title } } } }");
    const stock = await graphql(token, "{ locations(first: 5) { nodes { name inventoryLevels(first: 50) { nodes { id } } } } }");
    const variants: { sku: string; barcode: string; product: { title: string } }[] = data.productVariants.nodes;
    expect(variants).toHaveLength(first.counts.shopifyVariants);
    const bySku = (sku: string) => variants.filter((v) => v.sku === sku);
    expect(bySku("FD-TEE-BLK-M").map((v) => v.product.title).sort()).toEqual(["Classic Crew Tee", "Graphic Tee – Sunset Print"]); // duplicate SKU
    expect(bySku("FD-SCARF-CML ")).toHaveLength(1); // trailing whitespace on the Shopify side
    expect(bySku("FD-BELT-BRN-SM")).toHaveLength(1); // not on TikTok
    expect(bySku("TT-MYSTERY-01")).toHaveLength(0);
    expect(variants.every((v) => /^\d{12}$/.test(v.barcode))).toBe(true);
    expect(stock.locations.nodes.find((l: Json) => l.name === "Los Angeles Store").inventoryLevels.nodes.length).toBeGreaterThan(0);
    const dup = await control("POST", `/__sandbox/shopify/shops/${DEMO_SHOPIFY_DOMAIN}/inventory`, { sku: "FD-TEE-BLK-M", available: 1 });
    expect(dup).toMatchObject({ status: 409, body: { error: expect.stringContaining("matches 2 variants") } });

    const us = first.tiktokShops.find((s) => s.region === "US")!;
    const cipher = (await control("GET", "/__sandbox/tiktok/shops")).body.shops.find((s: Json) => s.id === us.shopId).cipher;
    const usToken = await tiktokToken(us.shopId);
    const search = (body: unknown) => tiktok({ method: "POST", apiPath: "/product/202502/products/search", token: usToken, cipher, query: { page_size: "100" }, body });
    const found = async (sku: string) => (await search({ seller_skus: [sku] })).total_count;
    expect(await found("fd-tote-nat")).toBe(1); // case only
    expect(await found("FD-TOTE-NAT")).toBe(0);
    expect(await found("FD-BEANIE-BLK ")).toBe(1); // whitespace only
    expect(await found("FD-BEANIE-BLK")).toBe(0);
    expect(await found("FD-SCARF-CML")).toBe(1);
    expect(await found("FD-TEE-BLK-M")).toBe(1);
    expect(await found("TT-MYSTERY-01")).toBe(1); // no Shopify counterpart
    expect(await found("FD-BELT-BRN-SM")).toBe(0);
    expect(await found("FD-CHINO-KHK-36")).toBe(0);
    const aviator = (await search({ seller_skus: ["TT-10231"] })).products[0];
    const detail = (await control("GET", `/__sandbox/tiktok/shops/${us.shopId}/products/${aviator.id}`)).body;
    expect(detail.skus[0].identifier_code.code).toBe(bySku("FD-AVI-GLD")[0]!.barcode); // barcode only
    const pins = (await search({ seller_skus: ["PINSET-01"] })).products[0];
    const pinDetail = (await control("GET", `/__sandbox/tiktok/shops/${us.shopId}/products/${pins.id}`)).body;
    expect(pinDetail.skus[0].identifier_code.code).toBe(bySku("FD-PINS")[0]!.barcode);

    const local = await search({});
    expect(local.total_count).toBe(first.counts.tiktokProducts - 2 * first.counts.tiktokGlobalProducts);
    const gb = first.tiktokShops.find((s) => s.region === "GB")!;
    const gbToken = await tiktokToken(gb.shopId);
    const authorized = await tiktok({ method: "GET", apiPath: "/authorization/202309/shops", token: gbToken });
    expect(authorized.shops.map((s: Json) => s.region).sort()).toEqual(["DE", "GB"]);
    const globals = await tiktok({ method: "POST", apiPath: "/product/202312/global_products/search", token: gbToken, query: { page_size: "100" }, body: {} });
    expect(globals.total_count).toBe(first.counts.tiktokGlobalProducts);
    let skus = local.products.reduce((n: number, p: Json) => n + p.skus.length, 0);
    for (const market of authorized.shops) {
      const products = await tiktok({ method: "POST", apiPath: "/product/202502/products/search", token: gbToken, cipher: market.cipher, query: { page_size: "100" }, body: {} });
      expect(products.total_count).toBe(first.counts.tiktokGlobalProducts);
      skus += products.products.reduce((n: number, p: Json) => n + p.skus.length, 0);
    }
    expect(skus).toBe(first.counts.tiktokSkus);
  });

  it("refuses bad options before calling the sandbox", async () => {
    await expect(seedSandboxDemo({ ...options(3000), sandboxUrl: "not a url" })).rejects.toThrow();
    await expect(seedSandboxDemo({ ...options(3000), shopify: { ...options(3000).shopify, clientSecret: "short" } })).rejects.toThrow();
  });
});
