// OAuth against a fake fetch. The callback HMAC is pinned to Shopify's documented worked example.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ShopifyApiError } from "./errors";
import { callbackMessage, ShopifyCallbackError, ShopifyOAuth } from "./oauth";

const NOW = 1_800_000_000_000;
const SECRET = "hush";
const config = { adminBaseUrl: "https://{shop}", clientId: "ferry-client", clientSecret: SECRET, scopes: ["read_products", "write_inventory", "write_orders"], now: () => NOW };

function signed(params: Record<string, string>, secret = SECRET) {
  return { ...params, hmac: crypto.createHmac("sha256", secret).update(callbackMessage(params)).digest("hex") };
}
const callback = (extra: Record<string, string> = {}) =>
  signed({ code: "0907a61c0c8d55e99db179b68161bc00", host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvYWNtZQ", shop: "acme.myshopify.com", state: "nonce-1", timestamp: String(NOW / 1000 - 5), ...extra });
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ShopifyCallbackError ? e.reason : `other: ${String(e)}`;
  }
  return "accepted";
};

describe("authorizeUrl", () => {
  it("sends the merchant to the shop's install page with our client id, scopes, redirect and state", () => {
    const url = new URL(new ShopifyOAuth(config).authorizeUrl({ shop: "acme.myshopify.com", state: "nonce-1", redirectUri: "https://app.example/api/shopify/callback" }));
    expect(url.origin + url.pathname).toBe("https://acme.myshopify.com/admin/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: "ferry-client", scope: "read_products,write_inventory,write_orders", redirect_uri: "https://app.example/api/shopify/callback", state: "nonce-1" });
  });

  it("never builds a redirect to another host", () => {
    const oauth = new ShopifyOAuth(config);
    for (const shop of ["evil.com", "a.myshopify.com.evil.com", "x.myshopify.com/@evil.com", "x.myshopify.com:80"]) {
      expect(() => oauth.authorizeUrl({ shop, state: "s", redirectUri: "https://app.example/cb" })).toThrow();
    }
  });

  it("refuses a bad configuration", () => {
    expect(() => new ShopifyOAuth({ ...config, adminBaseUrl: "https://shop.example" })).toThrow(/\{shop\}/);
    expect(() => new ShopifyOAuth({ ...config, scopes: ["products"] })).toThrow(/scope/);
  });
});

describe("verifyCallback", () => {
  it("matches Shopify's documented example (secret 'hush')", () => {
    const query = { code: "0907a61c0c8d55e99db179b68161bc00", hmac: "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf", shop: "some-shop.myshopify.com", state: "0.6784241404160823", timestamp: "1337178173" };
    const oauth = new ShopifyOAuth(config);
    expect(oauth.verifyCallback({ query, now: 1337178173_000 + 30_000 })).toEqual({ shop: "some-shop.myshopify.com", code: query.code, state: query.state, host: undefined, timestamp: 1337178173 });
  });

  it("accepts a genuine callback given as URLSearchParams or as a record", () => {
    const oauth = new ShopifyOAuth(config);
    const query = callback();
    expect(oauth.verifyCallback({ query: new URLSearchParams(query) }).state).toBe("nonce-1");
    expect(oauth.verifyCallback({ query }).shop).toBe("acme.myshopify.com");
  });

  it("accepts the form-encoded variant Shopify's JavaScript library signs, for values with / or +", () => {
    const params = { code: "c", host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUv+/8", shop: "acme.myshopify.com", state: "s", timestamp: String(NOW / 1000) };
    const encoded = new URLSearchParams(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))).toString();
    const hmac = crypto.createHmac("sha256", SECRET).update(encoded).digest("hex");
    expect(new ShopifyOAuth(config).verifyCallback({ query: { ...params, hmac } }).host).toBe(params.host);
  });

  it.each<[string, () => Record<string, string | string[]>, string]>([
    ["tampered shop", () => ({ ...callback(), shop: "other.myshopify.com" }), "bad_hmac"],
    ["tampered code", () => ({ ...callback(), code: "attacker" }), "bad_hmac"],
    ["tampered state", () => ({ ...callback(), state: "nonce-2" }), "bad_hmac"],
    ["added parameter", () => ({ ...callback(), extra: "1" }), "bad_hmac"],
    ["signed with another secret", () => signed({ code: "c", shop: "acme.myshopify.com", state: "s", timestamp: String(NOW / 1000) }, "other"), "bad_hmac"],
    ["uppercase hmac", () => { const q = callback(); return { ...q, hmac: q.hmac.toUpperCase() }; }, "bad_hmac"],
    ["truncated hmac", () => { const q = callback(); return { ...q, hmac: q.hmac.slice(0, 10) }; }, "bad_hmac"],
    ["no hmac", () => { const { hmac: _h, ...rest } = callback(); return rest; }, "missing_parameter"],
    ["no state", () => signed({ code: "c", shop: "acme.myshopify.com", timestamp: String(NOW / 1000) }), "missing_parameter"],
    ["repeated shop", () => ({ ...callback(), shop: ["acme.myshopify.com", "evil.myshopify.com"] }), "repeated_parameter"],
    ["day-old timestamp", () => callback({ timestamp: String(NOW / 1000 - 86_400) }), "stale"],
    ["11 minutes old", () => callback({ timestamp: String(NOW / 1000 - 660) }), "stale"],
    ["from the future", () => callback({ timestamp: String(NOW / 1000 + 600) }), "stale"],
    ["non-numeric timestamp", () => callback({ timestamp: "1e9" }), "stale"],
    ["signed but hostile shop", () => callback({ shop: "evil.com" }), "bad_shop"],
    ["signed but non-canonical shop", () => callback({ shop: "ACME.myshopify.com" }), "bad_shop"],
  ])("refuses a callback with %s", (_label, query, expected) => {
    expect(reason(() => new ShopifyOAuth(config).verifyCallback({ query: query() }))).toBe(expected);
  });

  it("takes the tolerance from the caller", () => {
    const oauth = new ShopifyOAuth(config);
    const old = callback({ timestamp: String(NOW / 1000 - 3600) });
    expect(reason(() => oauth.verifyCallback({ query: old }))).toBe("stale");
    expect(reason(() => oauth.verifyCallback({ query: old, maxAgeSeconds: 86_400 }))).toBe("accepted");
  });
});

describe("token endpoint", () => {
  const tokens = { access_token: "shpat_a", expires_in: 3600, refresh_token: "shprt_r", refresh_token_expires_in: 7_776_000, scope: "read_products,write_inventory,write_orders" };

  function fakeFetch(status: number, body: unknown) {
    const calls: { url: string; body: URLSearchParams; contentType: string | null }[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: new URLSearchParams(String(init.body)), contentType: new Headers(init.headers).get("content-type") });
      return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
    }) as typeof globalThis.fetch;
    return { calls, oauth: new ShopifyOAuth({ ...config, fetch }) };
  }

  it("exchanges the code with expiring=1 and returns both tokens with their expiry", async () => {
    const { calls, oauth } = fakeFetch(200, tokens);
    expect(await oauth.exchangeCode({ shop: "acme.myshopify.com", code: "the-code" })).toEqual({
      accessToken: "shpat_a", accessTokenExpiresAt: new Date(NOW + 3600_000), refreshToken: "shprt_r",
      refreshTokenExpiresAt: new Date(NOW + 7_776_000_000), scopes: ["read_products", "write_inventory", "write_orders"],
    });
    expect(calls[0]!.url).toBe("https://acme.myshopify.com/admin/oauth/access_token");
    expect(calls[0]!.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(calls[0]!.body)).toEqual({ client_id: "ferry-client", client_secret: SECRET, code: "the-code", expiring: "1" });
  });

  it("refreshes with grant_type=refresh_token", async () => {
    const { calls, oauth } = fakeFetch(200, { ...tokens, access_token: "shpat_b", refresh_token: "shprt_s" });
    expect((await oauth.refreshAccessToken({ shop: "acme.myshopify.com", refreshToken: "shprt_r" })).refreshToken).toBe("shprt_s");
    expect(Object.fromEntries(calls[0]!.body)).toEqual({ client_id: "ferry-client", client_secret: SECRET, grant_type: "refresh_token", refresh_token: "shprt_r" });
  });

  it.each<[string, number, unknown, string]>([
    ["a non-expiring token", 200, { access_token: "shpat_a", scope: "read_products" }, "unexpected"],
    ["a used refresh token", 400, { error: "invalid_grant", error_description: "…revoked…" }, "needsReauthorization"],
    ["a used code", 400, { error: "invalid_request", error_description: "The authorization code was not found or was already used" }, "needsReauthorization"],
    ["a wrong secret", 401, { error: "invalid_client" }, "unexpected"],
    ["an outage", 502, "<html>bad gateway</html>", "retryable"],
  ])("classifies %s", async (_label, status, body, kind) => {
    const { oauth } = fakeFetch(status, body);
    const error = (await oauth.refreshAccessToken({ shop: "acme.myshopify.com", refreshToken: "shprt_r" }).catch((e: unknown) => e)) as ShopifyApiError;
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain(SECRET);
  });

  it("classifies a network failure as retryable", async () => {
    const fetch = (async () => { throw new TypeError("fetch failed"); }) as typeof globalThis.fetch;
    const error = (await new ShopifyOAuth({ ...config, fetch }).exchangeCode({ shop: "acme.myshopify.com", code: "c" }).catch((e: unknown) => e)) as ShopifyApiError;
    expect([error.kind, error.code]).toEqual(["retryable", "NETWORK"]);
  });

  it("lists the requested scopes a grant lacks (write_ covers read_)", () => {
    const oauth = new ShopifyOAuth(config);
    expect(oauth.missingScopes(["write_products", "write_inventory", "write_orders"])).toEqual([]);
    expect(oauth.missingScopes(["read_products", "read_orders"])).toEqual(["write_inventory", "write_orders"]);
  });
});
