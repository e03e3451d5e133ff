import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, APP, connectedShop, independentSign, startKit, type Json, type Kit } from "./test-kit";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(async () => {
  await kit.close();
});

const tokenUrl = (which: string, q: Record<string, string>) => `${kit.url}/tiktok/auth/api/v2/token/${which}?${new URLSearchParams(q)}`;

describe("seller authorization page", () => {
  it("is a plain HTML form that approves without JavaScript and redirects with code and state", async () => {
    await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP, serviceId: "svc1" });
    const shop = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Shop A", region: "US", sellerType: "LOCAL" })).body;
    const page = await fetch(`${kit.url}/tiktok/oauth/authorize?service_id=svc1&state=xyz`);
    const text = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(text).toContain('method="post"');
    expect(text).toContain(">Authorize</button>");
    expect(text).toContain(">Cancel</button>");
    expect(text).not.toContain("<script");
    const form = new URLSearchParams({ service_id: "svc1", state: "xyz", seller_id: shop.sellerId, action: "authorize" });
    const res = await fetch(`${kit.url}/tiktok/oauth/authorize`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location")!);
    expect(loc.origin + loc.pathname).toBe(APP.redirectUrl);
    expect(loc.searchParams.get("state")).toBe("xyz");
    const code = loc.searchParams.get("code")!;
    const tok = await (await fetch(tokenUrl("get", { app_key: APP.appKey, app_secret: APP.appSecret, auth_code: code, grant_type: "authorized_code" }))).json();
    expect(tok.code).toBe(0);
    expect(tok.data.seller_name).toBe("Shop A");
    expect(tok.data.access_token_expire_in).toBeGreaterThan(Date.now() / 1000 + 6.9 * 86400);
    // codes work once
    const again = await (await fetch(tokenUrl("get", { app_key: APP.appKey, app_secret: APP.appSecret, auth_code: code, grant_type: "authorized_code" }))).json();
    expect(again.code).not.toBe(0);
  });

  it("Cancel redirects with error=auth_denied", async () => {
    await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP });
    const form = new URLSearchParams({ service_id: APP.appKey, state: "s1", action: "cancel" });
    const res = await fetch(`${kit.url}/tiktok/oauth/authorize`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("error")).toBe("auth_denied");
    expect(loc.searchParams.get("state")).toBe("s1");
  });
});

describe("tokens", () => {
  it("refresh tokens rotate and the clock expires access tokens (105002)", async () => {
    const { shop, token } = await connectedShop(kit);
    const ok = await api(kit, "GET", "/authorization/202309/shops", { token: token.access_token });
    expect(ok.body.code).toBe(0);
    expect(ok.body.data.shops[0]).toMatchObject({ id: shop.shopId, cipher: shop.cipher, region: "US", seller_type: "LOCAL" });
    const r1 = await (await fetch(tokenUrl("refresh", { app_key: APP.appKey, app_secret: APP.appSecret, refresh_token: token.refresh_token, grant_type: "refresh_token" }))).json();
    expect(r1.code).toBe(0);
    expect(r1.data.refresh_token).not.toBe(token.refresh_token);
    const reused = await (await fetch(tokenUrl("refresh", { app_key: APP.appKey, app_secret: APP.appSecret, refresh_token: token.refresh_token, grant_type: "refresh_token" }))).json();
    expect(reused.code).not.toBe(0);
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 7 * 86400 + 1 });
    const expired = await api(kit, "GET", "/authorization/202309/shops", { token: r1.data.access_token });
    expect(expired.body.code).toBe(105002);
  });

  it("a code expires after 30 minutes of sandbox time", async () => {
    await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP });
    const shop = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "S", region: "GB", sellerType: "LOCAL" })).body;
    const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: APP.appKey, shopId: shop.shopId })).body;
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 31 * 60 });
    const res = await (await fetch(tokenUrl("get", { app_key: APP.appKey, app_secret: APP.appSecret, auth_code: code, grant_type: "authorized_code" }))).json();
    expect(res.code).toBe(36004004);
    expect(res.message).toMatch(/expired/);
  });
});

describe("gateway checks", () => {
  it("rejects forged, expired and replayed requests with the real codes", async () => {
    const { token } = await connectedShop(kit);
    const t = token.access_token;
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: t, secret: "wrong" })).body.code).toBe(106001);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: t, timestamp: Math.floor(Date.now() / 1000) - 301 })).body.code).toBe(36009004);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: t, timestamp: Math.floor(Date.now() / 1000) + 60 })).body.code).toBe(36009004);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: null })).body.code).toBe(105002);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: "TTP_forged" })).body.code).toBe(36009004);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: t, query: { app_key: "nope" } })).body.code).toBe(36009004);
  });

  it("refuses a body changed by one byte after it was signed (106001)", async () => {
    const { shop, token } = await connectedShop(kit);
    const body = '{"status":"ACTIVATE"}';
    const query = { app_key: APP.appKey, timestamp: String(Math.floor(Date.now() / 1000)), shop_cipher: shop.cipher, page_size: "10" };
    const sign = independentSign(APP.appSecret, "/product/202502/products/search", query, body);
    const send = (raw: string) => fetch(`${kit.url}/tiktok/open-api/product/202502/products/search?${new URLSearchParams({ ...query, sign })}`, {
      method: "POST", headers: { "content-type": "application/json", "x-tts-access-token": token.access_token }, body: raw,
    });
    const genuine = await send(body);
    expect(((await genuine.json()) as Json).code).toBe(0);
    const tampered = body.replace("ACTIVATE", "ACTIVATF"); // one byte
    expect(tampered).toHaveLength(body.length);
    const res = await send(tampered);
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).code).toBe(106001);
  });

  it.each([
    ["a body that is not JSON (36009022)", { rawBody: "status=ALL" }, 200, 36009022],
    ["a JSON body that is not an object (36009022)", { rawBody: "[1,2]" }, 200, 36009022],
    ["a timestamp that is not a number", { query: { timestamp: "yesterday" } }, 401, 36009004],
    ["a timestamp in milliseconds (far in the future)", { timestamp: Date.now() }, 401, 36009004],
    ["a negative timestamp", { query: { timestamp: "-5" } }, 401, 36009004],
    ["an empty timestamp", { query: { timestamp: "" } }, 401, 36009004],
    ["no timestamp", { query: { timestamp: null } }, 401, 36009004],
    ["an empty sign", { sign: "" }, 401, 36009004],
    ["no sign", { sign: null }, 401, 36009004],
    ["a sign that is not hex", { sign: "not-a-signature" }, 401, 106001],
  ])("refuses %s", async (_name, o: Record<string, unknown>, status, code) => {
    const { shop, token } = await connectedShop(kit);
    const res = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, body: {}, ...o, query: { page_size: "10", ...(o.query as Record<string, string | null> | undefined) } });
    expect(res.body.code).toBe(code);
    expect(res.status).toBe(status);
    expect(Object.keys(res.body).sort()).toEqual(["code", "data", "message", "request_id"]);
  });

  it("enforces shop_cipher per endpoint and answers unknown paths, versions and methods", async () => {
    const { shop, token } = await connectedShop(kit);
    const t = token.access_token;
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: t, cipher: shop.cipher })).body.code).toBe(36009004);
    expect((await api(kit, "GET", "/logistics/202309/warehouses", { token: t })).body.code).toBe(106013);
    expect((await api(kit, "GET", "/logistics/202309/warehouses", { token: t, cipher: "ROW_unknown" })).body.code).toBe(36009004);
    expect((await api(kit, "DELETE", "/logistics/202309/warehouses", { token: t, cipher: shop.cipher })).body.code).toBe(36009010);
    expect((await api(kit, "POST", "/product/202401/products/search", { token: t, cipher: shop.cipher })).body.code).toBe(36009014);
    expect((await api(kit, "GET", "/nothing/202309/here", { token: t })).body.code).toBe(36009009);
    const env = (await api(kit, "GET", "/logistics/202309/warehouses", { token: t, cipher: shop.cipher })).body;
    expect(Object.keys(env).sort()).toEqual(["code", "data", "message", "request_id"]);
    expect(env.data.warehouses[0].id).toBe(shop.warehouseIds[0]);
  });

  it("answers 429 with 36009002 above the configured rate per endpoint, app and shop", async () => {
    const { shop, token } = await connectedShop(kit);
    await kit.control("POST", "/__sandbox/config", { tiktok: { rateLimitPerSecond: 5 } });
    // align to the start of a wall-clock second so all calls land in one window
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    const results = await Promise.all(Array.from({ length: 8 }, () => api(kit, "GET", "/logistics/202309/warehouses", { token: token.access_token, cipher: shop.cipher })));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBe(3);
    expect(limited[0]!.body.code).toBe(36009002);
    // another endpoint has its own budget
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: token.access_token })).body.code).toBe(0);
  });

  it("deauthorization revokes the token and notifies the app", async () => {
    const { shop, token } = await connectedShop(kit);
    const res = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/deauthorize`, {});
    expect(res.body.revokedApps).toEqual([APP.appKey]);
    expect((await api(kit, "GET", "/authorization/202309/shops", { token: token.access_token })).body.code).toBe(36009004);
  });

  it("answers injected faults in TikTok's format but leaves the consent page alone", async () => {
    const { token } = await connectedShop(kit);
    await kit.control("POST", "/__sandbox/faults", { platform: "tiktok", errorRate: 1 });
    const res = await api(kit, "GET", "/authorization/202309/shops", { token: token.access_token });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe(36009003);
    expect((await fetch(`${kit.url}/tiktok/oauth/authorize?service_id=${APP.appKey}`)).status).toBe(200);
  });

  it("sends UPCOMING_AUTHORIZATION_EXPIRATION and product deletions to the app", async () => {
    const { receiver } = await import("./test-kit");
    const hooks = await receiver();
    try {
      const { shop } = await connectedShop(kit, { webhookUrl: hooks.url });
      const { products } = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "T", skus: [{ sellerSku: "X", price: "1", quantity: 1 }] }] })).body;
      expect((await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/authorization-expiring`, { days: 30 })).status).toBe(200);
      expect((await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${products[0].id}/delete`)).body.status).toBe("DELETED");
      const got = await hooks.waitFor(2);
      expect(got.map((g) => g.json.type).sort((a: number, b: number) => a - b)).toEqual([5, 7]);
      expect(got.find((g) => g.json.type === 7)!.json.data.message).toContain("expiring in 30 days");
    } finally {
      await hooks.close();
    }
  });
});
