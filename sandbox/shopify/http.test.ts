// End to end through the real sandbox server: HTTP, form posts, persistence and webhook delivery.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxServer } from "../core/server";
import { shopifyModule } from "./index";

const SHOP = "http-test.myshopify.com";
const SECRET = "shpss_http_secret_1";
let server: Awaited<ReturnType<typeof createSandboxServer>>;
let receiver: http.Server;
let receiverUrl = "";
let dataDir = "";
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failNext = 1;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-shopify-http-"));
  server = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir, modules: [shopifyModule] });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      // the first delivery fails so the retry path runs
      res.writeHead(failNext-- > 0 ? 500 : 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});

afterAll(async () => {
  await server.close();
  await new Promise<void>((r) => receiver.close(() => r()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url + p, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), redirect: "manual" });

describe("Shopify stand-in over HTTP", () => {
  it("installs through the page's form, exchanges the code and answers GraphQL", async () => {
    expect((await post("/__sandbox/apps", { platform: "shopify", clientId: "ferry", clientSecret: SECRET, redirectUrl: "http://127.0.0.1:3000/cb" })).status).toBe(201);
    expect((await post("/__sandbox/shopify/shops", { domain: SHOP })).status).toBe(201);
    expect((await post("/__sandbox/config", { shopify: { webhookRetrySeconds: [0.05, 0.05] } })).status).toBe(200);
    expect((await post("/__sandbox/config", { shopify: { bucketSize: -1 } })).status).toBe(400);
    const q = new URLSearchParams({ client_id: "ferry", scope: "read_products", redirect_uri: "http://127.0.0.1:3000/cb", state: "s1" });
    const page = await fetch(`${server.url}/shopify/${SHOP}/admin/oauth/authorize?${q}`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("Install app");
    const form = new URLSearchParams({ client_id: "ferry", scope: "read_products", redirect_uri: "http://127.0.0.1:3000/cb", state: "s1", decision: "install" });
    const redirect = await fetch(`${server.url}/shopify/${SHOP}/admin/oauth/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString(), redirect: "manual" });
    expect(redirect.status).toBe(302);
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    const tokenRes = await post(`/shopify/${SHOP}/admin/oauth/access_token`, { client_id: "ferry", client_secret: SECRET, code, expiring: 1 });
    const token = (await tokenRes.json()) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBe(3600);
    const gql = await post(`/shopify/${SHOP}/admin/api/2026-10/graphql.json`, { query: "{ shop { myshopifyDomain } }" }, { "x-shopify-access-token": token.access_token });
    expect(await gql.json()).toMatchObject({ data: { shop: { myshopifyDomain: SHOP } }, extensions: { cost: { requestedQueryCost: 1 } } });
    const sub = await post(`/shopify/${SHOP}/admin/api/2026-10/graphql.json`, { query: `mutation { webhookSubscriptionCreate(topic: INVENTORY_LEVELS_UPDATE, webhookSubscription: { uri: "${receiverUrl}" }) { userErrors { message } } }` }, { "x-shopify-access-token": token.access_token });
    expect(await sub.json()).toMatchObject({ data: { webhookSubscriptionCreate: { userErrors: [] } } });
  });

  it("seeds 50,000 variants through the control API in under 30 s", async () => {
    const products = Array.from({ length: 10_000 }, (_, i) => ({
      title: `P${i}`, descriptionHtml: "", variants: Array.from({ length: 5 }, (_, j) => ({ sku: `S-${i}-${j}`, price: "5.00", inventoryQuantity: 1 })),
    }));
    const started = Date.now();
    const res = await post(`/__sandbox/shopify/shops/${SHOP}/products`, { products });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { products: unknown[] }).products).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("delivers a signed webhook and retries a non-200 answer with the same webhook id", async () => {
    expect((await post(`/__sandbox/shopify/shops/${SHOP}/inventory`, { sku: "S-7-3", available: 9 })).status).toBe(200);
    for (let i = 0; i < 100 && received.length < 2; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(2);
    const [first, retry] = received as [(typeof received)[number], (typeof received)[number]];
    expect(retry.headers["x-shopify-webhook-id"]).toBe(first.headers["x-shopify-webhook-id"]);
    const hmac = crypto.createHmac("sha256", SECRET).update(retry.body).digest("base64");
    expect(retry.headers["x-shopify-hmac-sha256"]).toBe(hmac);
    expect(retry.headers["x-shopify-topic"]).toBe("inventory_levels/update");
    expect(JSON.parse(retry.body)).toMatchObject({ available: 9 });
  });
});

describe("Shopify through a server that restarts and injects faults", () => {
  const DOMAIN = "restart.myshopify.com";
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ferry-shopify-restart-"));
  const start = (dataDir: string) => createSandboxServer({ port: 0, host: "127.0.0.1", dataDir, modules: [shopifyModule] });
  const to = (url: string) => (p: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url + p, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), redirect: "manual" });

  async function install(url: string): Promise<string> {
    const send = to(url);
    await send("/__sandbox/apps", { platform: "shopify", clientId: "ferry-r", clientSecret: SECRET, redirectUrl: "http://127.0.0.1:3000/cb" });
    await send("/__sandbox/shopify/shops", { domain: DOMAIN });
    const form = new URLSearchParams({ client_id: "ferry-r", scope: "read_products,write_orders,read_orders", redirect_uri: "http://127.0.0.1:3000/cb", state: "s", decision: "install" });
    const redirect = await fetch(`${url}/shopify/${DOMAIN}/admin/oauth/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString(), redirect: "manual" });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    return ((await (await send(`/shopify/${DOMAIN}/admin/oauth/access_token`, { client_id: "ferry-r", client_secret: SECRET, code })).json()) as { access_token: string }).access_token;
  }

  it("keeps apps, shops, tokens, products, orders and what searches find across a restart", async () => {
    const dataDir = dir();
    let srv = await start(dataDir);
    try {
      const token = await install(srv.url);
      const gql = async (url: string, query: string) => (await (await to(url)(`/shopify/${DOMAIN}/admin/api/2026-10/graphql.json`, { query }, { "x-shopify-access-token": token })).json()) as { data?: Record<string, any>; errors?: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
      await to(srv.url)(`/__sandbox/shopify/shops/${DOMAIN}/products`, { products: [{ title: "Kept", descriptionHtml: "", variants: [{ sku: "KEEP-1", price: "3.00", inventoryQuantity: 4 }] }] });
      const variant = (await gql(srv.url, `{ productVariants(first: 1, query: "sku:KEEP-1") { nodes { id } } }`)).data!.productVariants.nodes[0].id;
      await gql(srv.url, `mutation { orderCreate(order: { sourceIdentifier: "tt-keep", lineItems: [{ variantId: "${variant}", quantity: 1 }] }) { order { id } } }`);
      const before = await gql(srv.url, `{ products(first: 5, query: "updated_at:>='2020-01-01T00:00:00Z'") { nodes { title variants(first: 1) { nodes { sku inventoryQuantity } } } } orders(first: 5, query: "source_identifier:tt-keep") { nodes { sourceIdentifier } } fulfillmentOrders(first: 5) { nodes { status } } }`);
      await srv.close();
      srv = await start(dataDir);
      const after = await gql(srv.url, `{ products(first: 5, query: "updated_at:>='2020-01-01T00:00:00Z'") { nodes { title variants(first: 1) { nodes { sku inventoryQuantity } } } } orders(first: 5, query: "source_identifier:tt-keep") { nodes { sourceIdentifier } } fulfillmentOrders(first: 5) { nodes { status } } }`);
      expect(after.data).toEqual(before.data);
      expect(after.data).toEqual({
        products: { nodes: [{ title: "Kept", variants: { nodes: [{ sku: "KEEP-1", inventoryQuantity: 4 }] } }] },
        orders: { nodes: [{ sourceIdentifier: "tt-keep" }] }, fulfillmentOrders: { nodes: [{ status: "OPEN" }] },
      });
      // the indexes are rebuilt from the state: a new record after the restart is found beside the old ones
      await to(srv.url)(`/__sandbox/shopify/shops/${DOMAIN}/products`, { products: [{ title: "New", descriptionHtml: "", variants: [{ sku: "KEEP-2", price: "3.00", inventoryQuantity: 1 }] }] });
      expect((await gql(srv.url, "{ products(first: 5, sortKey: TITLE) { nodes { title } } }")).data!.products.nodes).toEqual([{ title: "Kept" }, { title: "New" }]);
      const apps = (await (await fetch(`${srv.url}/__sandbox/apps`)).json()) as { shopify: Record<string, unknown> };
      expect(Object.keys(apps.shopify)).toEqual(["ferry-r"]);
    } finally {
      await srv.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("answers injected faults in Shopify's formats over HTTP, and leaves the install page and the control API alone", async () => {
    const dataDir = dir();
    const srv = await start(dataDir);
    try {
      const token = await install(srv.url);
      const send = to(srv.url);
      const graphql = () => send(`/shopify/${DOMAIN}/admin/api/2026-10/graphql.json`, { query: "{ shop { name } }" }, { "x-shopify-access-token": token });
      expect((await send("/__sandbox/faults", { platform: "shopify", errorRate: 1 })).status).toBe(200);
      const failed = await graphql();
      expect(failed.status).toBe(500);
      expect(failed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await failed.json()).toMatchObject({ errors: [{ extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      // a scope not granted yet, so the install page shows instead of redirecting
      const page = await fetch(`${srv.url}/shopify/${DOMAIN}/admin/oauth/authorize?client_id=ferry-r&scope=read_inventory&redirect_uri=http://127.0.0.1:3000/cb`, { redirect: "manual" });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Install app");
      expect((await fetch(`${srv.url}/__sandbox/shopify/shops/${DOMAIN}`)).status).toBe(200);
      await send("/__sandbox/faults", { platform: "shopify", errorRate: 0, rateLimitRate: 1 });
      const throttled = await graphql();
      expect(throttled.status).toBe(200);
      expect(await throttled.json()).toMatchObject({ errors: [{ extensions: { code: "THROTTLED" } }] });
      const tokenLimited = await send(`/shopify/${DOMAIN}/admin/oauth/access_token`, { client_id: "ferry-r", client_secret: SECRET, code: "x" });
      expect(tokenLimited.status).toBe(429);
      expect(tokenLimited.headers.get("retry-after")).toBe("2.0");
      await send("/__sandbox/faults", { platform: "shopify", rateLimitRate: 0, latencyMs: 300 });
      const t = Date.now();
      const slow = await graphql();
      expect(Date.now() - t).toBeGreaterThanOrEqual(290);
      expect(await slow.json()).toMatchObject({ data: { shop: { name: "restart" } } });
      const log = (await (await fetch(`${srv.url}/__sandbox/requests`)).json()) as { rows: { route: string; status: number; code: string | number }[] };
      // the log says which answers were injected
      expect(log.rows.filter((r) => r.route.endsWith("graphql.json")).map((r) => [r.status, r.code])).toEqual([[500, "INTERNAL_SERVER_ERROR"], [200, "THROTTLED"], [200, null]]);
    } finally {
      await srv.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
