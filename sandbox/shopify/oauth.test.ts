import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, fakeContext, gql, installedShop, SHOP, TEST_APP } from "./test-context";

const AUTHORIZE = `/shopify/${SHOP}/admin/oauth/authorize`;
const TOKEN = `/shopify/${SHOP}/admin/oauth/access_token`;
const params = { client_id: TEST_APP.clientId, scope: "read_products,write_orders", redirect_uri: TEST_APP.redirectUrl, state: "nonce-42" };

/** An independent check of Shopify's callback HMAC, written from the documented rule (not from oauth.ts). */
function verifyCallback(url: URL, secret: string): boolean {
  const entries = [...url.searchParams.entries()].filter(([k]) => k !== "hmac" && k !== "signature");
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const message = entries.map(([k, v]) => `${k}=${v}`).join("&");
  const expected = crypto.createHmac("sha256", secret).update(message).digest();
  const given = Buffer.from(url.searchParams.get("hmac") ?? "", "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

async function setup() {
  const ctx = fakeContext();
  await call(ctx, "POST", "/__sandbox/apps", { body: TEST_APP });
  await call(ctx, "POST", "/__sandbox/shopify/shops", { body: { domain: SHOP } });
  return ctx;
}

describe("Shopify OAuth", () => {
  it("shows an install page with the scopes and both buttons", async () => {
    const ctx = await setup();
    const res = await call(ctx, "GET", `${AUTHORIZE}?${new URLSearchParams(params)}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain("read_products");
    expect(res.body).toContain("write_orders");
    expect(res.body).toContain("Install app");
    expect(res.body).toContain("Cancel");
  });

  it("redirects with code, hmac, host, shop, state and timestamp signed as Shopify does", async () => {
    const ctx = await setup();
    const res = await call(ctx, "POST", AUTHORIZE, { form: true, body: { ...params, decision: "install" } });
    expect(res.status).toBe(302);
    const url = new URL(res.headers!.location!);
    expect(url.origin + url.pathname).toBe(TEST_APP.redirectUrl);
    expect([...url.searchParams.keys()].sort()).toEqual(["code", "hmac", "host", "shop", "state", "timestamp"]);
    expect(url.searchParams.get("shop")).toBe(SHOP);
    expect(url.searchParams.get("state")).toBe("nonce-42");
    expect(verifyCallback(url, TEST_APP.clientSecret)).toBe(true);
    expect(verifyCallback(url, "another-secret")).toBe(false);
    url.searchParams.set("shop", "evil.myshopify.com");
    expect(verifyCallback(url, TEST_APP.clientSecret)).toBe(false);
  });

  it("cancel does not redirect; unknown client and foreign redirect_uri are refused", async () => {
    const ctx = await setup();
    const cancel = await call(ctx, "POST", AUTHORIZE, { form: true, body: { ...params, decision: "cancel" } });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toContain("not installed");
    const unknown = await call(ctx, "GET", `${AUTHORIZE}?${new URLSearchParams({ ...params, client_id: "nope" })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain("Could not find Shopify API application with api_key nope");
    const foreign = await call(ctx, "GET", `${AUTHORIZE}?${new URLSearchParams({ ...params, redirect_uri: "https://evil.example/cb" })}`);
    expect(foreign.body).toContain("redirect_uri is not whitelisted");
    const noShop = await call(ctx, "GET", `/shopify/ghost.myshopify.com/admin/oauth/authorize?${new URLSearchParams(params)}`);
    expect(noShop.status).toBe(404);
  });

  it("exchanges a code once; wrong secret and unknown client get Shopify's errors", async () => {
    const ctx = await setup();
    const res = await call(ctx, "POST", AUTHORIZE, { form: true, body: { ...params, decision: "install" } });
    const code = new URL(res.headers!.location!).searchParams.get("code")!;
    const wrong = await call(ctx, "POST", TOKEN, { body: { client_id: TEST_APP.clientId, client_secret: "wrong-secret-xx", code } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "invalid_client" });
    const unknown = await call(ctx, "POST", TOKEN, { body: { client_id: "nope", client_secret: TEST_APP.clientSecret, code } });
    expect(unknown.status).toBe(401);
    const ok = await call(ctx, "POST", TOKEN, { body: { client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, code } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ access_token: expect.stringMatching(/^shpat_/), scope: "read_products,write_orders" });
    const reused = await call(ctx, "POST", TOKEN, { body: { client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, code } });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ error: "invalid_request", error_description: "The authorization code was not found or was already used" });
  });

  it("expiring tokens expire and refresh tokens rotate (each works once)", async () => {
    const ctx = fakeContext();
    ctx.setConfig({ accessTokenTtlSeconds: 60 });
    const first = await installedShop(ctx, { expiring: true });
    expect(first).toMatchObject({ expires_in: 60, refresh_token: expect.stringMatching(/^shprt_/), refresh_token_expires_in: expect.any(Number) });
    const q = "{ shop { name } }";
    expect((await gql(ctx, first.access_token, q)).status).toBe(200);
    ctx.advance(61);
    const expired = await gql(ctx, first.access_token, q);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    const refresh = (token: string) => call(ctx, "POST", TOKEN, { body: { client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, grant_type: "refresh_token", refresh_token: token } });
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    const next = second.body as { access_token: string; refresh_token: string };
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect((await gql(ctx, next.access_token, q)).status).toBe(200);
    const replay = await refresh(first.refresh_token!);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "invalid_grant" });
    expect((await refresh(next.refresh_token)).status).toBe(200);
  });

  it("non-expiring tokens survive the clock; GraphQL without a token is 401", async () => {
    const ctx = fakeContext();
    const { access_token } = await installedShop(ctx);
    ctx.advance(10 * 24 * 3600);
    expect((await gql(ctx, access_token, "{ shop { name } }")).status).toBe(200);
    expect((await gql(ctx, "shpat_bogus", "{ shop { name } }")).status).toBe(401);
  });
});
