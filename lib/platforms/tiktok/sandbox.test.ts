// Integration: the client, unchanged, against the TikTok Shop sandbox started in process.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandboxServer, type SandboxServer } from "../../../sandbox/core/server";
import { tiktokModule } from "../../../sandbox/tiktok";
import { TikTokClient } from "./client";
import { TikTokApiError } from "./errors";
import { TikTokOAuth } from "./oauth";
import { parseTikTokWebhook, verifyTikTokWebhook } from "./webhooks";

const APP = { appKey: "ferry-test", appSecret: "s3cret-ferry-test", serviceId: "7431458374265161478" };
const REDIRECT_URL = "http://127.0.0.1:9/api/tiktok/callback";

interface Delivery { headers: http.IncomingHttpHeaders; rawBody: Buffer }

let server: SandboxServer;
let dataDir: string;
let receiver: http.Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-tiktok-client-"));
  server = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir, modules: [tiktokModule] });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/tiktok`;
});

afterAll(async () => {
  await server?.close();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  deliveries.length = 0;
  await control("POST", "/__sandbox/reset");
  await control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP, redirectUrl: REDIRECT_URL });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control API answers are read loosely in tests
async function control(method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(server.url + p, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status, `${method} ${p}`).toBeLessThan(300);
  return res.json();
}

function config() {
  return { ...APP, apiBaseUrl: `${server.url}/tiktok/open-api`, authBaseUrl: `${server.url}/tiktok/auth`, authorizeUrl: `${server.url}/tiktok/oauth/authorize` };
}
const fastRetries = { maxAttempts: 3, sleep: async () => {} };

/** What a seller's browser does: open the consent page, submit its form, read the redirect. */
async function consent({ oauth, state, sellerId, action = "authorize" }: { oauth: TikTokOAuth; state: string; sellerId: string; action?: "authorize" | "cancel" }): Promise<URL> {
  const page = await fetch(oauth.authorizationUrl({ state }));
  expect(page.status).toBe(200);
  const html = await page.text();
  const formAction = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(formAction).toBeTruthy();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, "&")]);
  const sellers = [...html.matchAll(/name="seller_id" value="([^"]+)"/g)].map((m) => m[1]);
  expect(sellers).toContain(sellerId);
  const form = new URLSearchParams([...fields, ["seller_id", sellerId], ["action", action]]);
  const answer = await fetch(new URL(formAction!, page.url), { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location")!);
}

async function failure(promise: Promise<unknown>): Promise<TikTokApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TikTokApiError);
  return error as TikTokApiError;
}

async function connectedSeller() {
  const gb = await control("POST", "/__sandbox/tiktok/shops", { name: "Maomao GB", region: "GB", sellerType: "CROSS_BORDER" });
  const de = await control("POST", "/__sandbox/tiktok/shops", { name: "Maomao DE", region: "DE", sellerType: "CROSS_BORDER", sellerId: gb.sellerId });
  const oauth = new TikTokOAuth({ ...config(), retry: fastRetries });
  const redirect = await consent({ oauth, state: "state-1", sellerId: gb.sellerId });
  const tokens = await oauth.exchangeCode(redirect.searchParams.get("code")!);
  return { gb, de, oauth, tokens, client: new TikTokClient({ ...config(), retry: fastRetries }) };
}

describe("TikTok client against the sandbox", () => {
  it("authorizes like a browser, exchanges the code once and lists every shop of the seller", async () => {
    const gb = await control("POST", "/__sandbox/tiktok/shops", { name: "Maomao GB", region: "GB", sellerType: "CROSS_BORDER" });
    const de = await control("POST", "/__sandbox/tiktok/shops", { name: "Maomao DE", region: "DE", sellerType: "CROSS_BORDER", sellerId: gb.sellerId });
    await control("POST", "/__sandbox/tiktok/shops", { name: "Someone else", region: "US", sellerType: "LOCAL" });
    const oauth = new TikTokOAuth({ ...config(), retry: fastRetries });

    const redirect = await consent({ oauth, state: "st-Abc_123", sellerId: gb.sellerId });
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT_URL);
    expect(redirect.searchParams.get("state")).toBe("st-Abc_123");
    const code = redirect.searchParams.get("code")!;
    expect(code).toMatch(/^TTP_/);

    const clock = await control("GET", "/__sandbox/clock");
    const tokens = await oauth.exchangeCode(code);
    expect(tokens.accessTokenExpiresAt.getTime() - clock.nowMs).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(tokens.refreshTokenExpiresAt.getTime()).toBeGreaterThan(tokens.accessTokenExpiresAt.getTime());
    expect(tokens.grantedScopes).toContain("seller.authorization.info");
    expect((await failure(oauth.exchangeCode(code))).needsReauthorization).toBe(true);

    const shops = await new TikTokClient(config()).getAuthorizedShops(tokens.accessToken);
    expect(shops.map((s) => [s.id, s.cipher, s.region, s.seller_type]).sort()).toEqual(
      [[gb.shopId, gb.cipher, "GB", "CROSS_BORDER"], [de.shopId, de.cipher, "DE", "CROSS_BORDER"]].sort(),
    );
  });

  it("brings a refusal back as error=auth_denied with our state", async () => {
    const shop = await control("POST", "/__sandbox/tiktok/shops", { name: "Demo US", region: "US", sellerType: "LOCAL" });
    const redirect = await consent({ oauth: new TikTokOAuth(config()), state: "st-2", sellerId: shop.sellerId, action: "cancel" });
    expect(Object.fromEntries(redirect.searchParams)).toEqual({ code: "null", error: "auth_denied", state: "st-2" });
  });

  it("refreshes, after which the spent refresh token needs a new authorization", async () => {
    const { oauth, tokens, client } = await connectedSeller();
    const fresh = await oauth.refreshToken(tokens.refreshToken);
    expect(fresh.refreshToken).not.toBe(tokens.refreshToken);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    await expect(client.getAuthorizedShops(fresh.accessToken)).resolves.toHaveLength(2);
    const error = await failure(oauth.refreshToken(tokens.refreshToken));
    expect(error.needsReauthorization).toBe(true);
    expect(error.message).not.toContain(APP.appSecret);
  });

  it("classifies an expired access token as authExpired, and a refresh recovers", async () => {
    const { oauth, tokens, client } = await connectedSeller();
    await control("POST", "/__sandbox/clock", { advanceSeconds: 8 * 24 * 3600 });
    const error = await failure(client.getAuthorizedShops(tokens.accessToken));
    expect([error.kind, error.code, error.httpStatus]).toEqual(["authExpired", 105002, 401]);
    expect(error.requestId).toBeTruthy();
    const fresh = await oauth.refreshToken(tokens.refreshToken);
    await expect(client.getAuthorizedShops(fresh.accessToken)).resolves.toHaveLength(2);
  });

  it("classifies a revoked authorization as needing reauthorization, for calls and refreshes", async () => {
    const { gb, oauth, tokens, client } = await connectedSeller();
    await control("POST", `/__sandbox/tiktok/shops/${gb.shopId}/deauthorize`, { appKey: APP.appKey });
    expect((await failure(client.getAuthorizedShops(tokens.accessToken))).needsReauthorization).toBe(true);
    expect((await failure(oauth.refreshToken(tokens.refreshToken))).needsReauthorization).toBe(true);
  });

  it("answers 429 over the configured rate limit, classified as rateLimited", async () => {
    const { tokens } = await connectedSeller();
    await control("POST", "/__sandbox/config", { tiktok: { rateLimitPerSecond: 1 } });
    const client = new TikTokClient({ ...config(), retry: { maxAttempts: 1 } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.getAuthorizedShops(tokens.accessToken)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as TikTokApiError);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(refused.length).toBeGreaterThanOrEqual(3); // 5 calls span at most two one-second windows
    for (const error of refused) expect([error.kind, error.code, error.httpStatus, error.retryAfterMs]).toEqual(["rateLimited", 36009002, 429, 1000]);
  });

  it("subscribes a shop webhook, verifies the genuine delivery and refuses a forged one", async () => {
    const { gb, tokens, client } = await connectedSeller();
    const shop = { accessToken: tokens.accessToken, shopCipher: gb.cipher };
    await client.updateWebhook({ ...shop, eventType: "UPCOMING_AUTHORIZATION_EXPIRATION", address: receiverUrl });
    expect((await client.listWebhooks(shop)).map((w) => [w.event_type, w.address])).toEqual([["UPCOMING_AUTHORIZATION_EXPIRATION", receiverUrl]]);

    await control("POST", `/__sandbox/tiktok/shops/${gb.shopId}/authorization-expiring`, { days: 10 });
    const until = Date.now() + 5000;
    while (deliveries.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(deliveries).toHaveLength(1);
    const { headers, rawBody } = deliveries[0]!;
    const genuine = { appKey: APP.appKey, appSecret: APP.appSecret, rawBody, authorizationHeader: headers.authorization };
    expect(verifyTikTokWebhook(genuine)).toBe(true);
    expect(parseTikTokWebhook(rawBody)).toMatchObject({ ok: true, topic: "UPCOMING_AUTHORIZATION_EXPIRATION", envelope: { shop_id: gb.shopId } });

    const forgedBody = Buffer.from(rawBody.toString("utf8").replace(gb.shopId, "7494049642642441621"));
    expect(verifyTikTokWebhook({ ...genuine, rawBody: forgedBody })).toBe(false);
    expect(verifyTikTokWebhook({ ...genuine, appSecret: "not-the-secret" })).toBe(false);

    await client.deleteWebhook({ ...shop, eventType: "UPCOMING_AUTHORIZATION_EXPIRATION" });
    await expect(client.listWebhooks(shop)).resolves.toEqual([]);
  });
});
