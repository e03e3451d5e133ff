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
