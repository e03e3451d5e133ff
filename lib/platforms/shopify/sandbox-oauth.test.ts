// Integration: the OAuth flow and token lifecycle against the real sandbox server, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyAdminClient } from "./client";
import { InMemoryCostBudget } from "./cost-budget";
import { ShopifyApiError } from "./errors";
import { ShopifyCallbackError, type ShopifyTokenSet } from "./oauth";
import { installLikeABrowser, startHarness, type Harness } from "./testing/sandbox-harness";
import { readShopifyWebhook } from "./webhooks";

const SHOP = "ferry-oauth.myshopify.com";
const SCOPES = ["read_products", "write_inventory", "write_orders"];
let h: Harness;
let tokens: ShopifyTokenSet;

const failure = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as ShopifyApiError;
const clientWith = (accessToken: string, onAuthExpired?: () => Promise<string>) =>
  new ShopifyAdminClient({ adminBaseUrl: h.adminBaseUrl, shop: SHOP, accessToken, budget: new InMemoryCostBudget(), onAuthExpired });

beforeAll(async () => {
  h = await startHarness({ clientId: "ferry-oauth-test", clientSecret: "shpss_oauth_secret_1", scopes: SCOPES });
  await h.control("POST", "/__sandbox/shopify/shops", { domain: SHOP, name: "Ferry OAuth", currency: "EUR", ianaTimezone: "Europe/Berlin" });
});
afterAll(async () => {
  await h?.close();
});

describe("Shopify OAuth against the sandbox", () => {
  let callback: URLSearchParams;

  it("installs through the install page and verifies the real callback", async () => {
    const install = await installLikeABrowser(h, { shop: SHOP, state: "state-nonce-1" });
    expect(install.pageHtml).toContain("Install app");
    for (const scope of SCOPES) expect(install.pageHtml).toContain(scope);
    callback = install.callback.query;
    expect([...callback.keys()].sort()).toEqual(["code", "hmac", "host", "shop", "state", "timestamp"]);
    const verified = h.oauth.verifyCallback({ query: callback });
    expect(verified).toMatchObject({ shop: SHOP, state: "state-nonce-1", code: callback.get("code") });
  });

  it("refuses the same callback tampered with", () => {
    for (const [key, value] of [["shop", "other.myshopify.com"], ["state", "state-nonce-2"], ["code", "0".repeat(32)], ["timestamp", String(Number(callback.get("timestamp")) + 1)]]) {
      const tampered = new URLSearchParams(callback);
      tampered.set(key!, value!);
      expect(() => h.oauth.verifyCallback({ query: tampered }), key).toThrow(ShopifyCallbackError);
    }
    const extra = new URLSearchParams(callback);
    extra.append("admin", "1");
    expect(() => h.oauth.verifyCallback({ query: extra })).toThrow(/signature/);
  });

  it("exchanges the code for an expiring token and refuses the code a second time", async () => {
    const started = Date.now();
    tokens = await h.oauth.exchangeCode({ shop: SHOP, code: callback.get("code")! });
    expect(tokens.accessToken).toMatch(/^shpat_/);
    expect(tokens.refreshToken).toMatch(/^shprt_/);
    expect(tokens.scopes).toEqual(SCOPES);
    expect(h.oauth.missingScopes(tokens.scopes)).toEqual([]);
    expect(tokens.accessTokenExpiresAt.getTime() - started).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(tokens.accessTokenExpiresAt.getTime() - started).toBeLessThanOrEqual(3600_000 + 5000);
    expect(tokens.refreshTokenExpiresAt.getTime() - started).toBeGreaterThanOrEqual(90 * 86_400_000 - 1000);
    const reused = await failure(h.oauth.exchangeCode({ shop: SHOP, code: callback.get("code")! }));
    expect([reused.kind, reused.code]).toEqual(["needsReauthorization", "invalid_request"]);
    expect((await clientWith(tokens.accessToken).getShop()).myshopifyDomain).toBe(SHOP);
  });

  it("rotates the refresh token: the old one is then refused with needsReauthorization", async () => {
    const old = tokens.refreshToken;
    tokens = await h.oauth.refreshAccessToken({ shop: SHOP, refreshToken: old });
    expect(tokens.refreshToken).not.toBe(old);
    expect((await clientWith(tokens.accessToken).getShop()).name).toBe("Ferry OAuth");
    const again = await failure(h.oauth.refreshAccessToken({ shop: SHOP, refreshToken: old }));
    expect([again.kind, again.code, again.status]).toEqual(["needsReauthorization", "invalid_grant", 400]);
  });

  it("reports an expired access token as authExpired, and recovers through onAuthExpired", async () => {
    await h.control("POST", "/__sandbox/clock", { advanceSeconds: 3601 });
    const expired = await failure(clientWith(tokens.accessToken).getShop());
    expect([expired.kind, expired.status]).toEqual(["authExpired", 401]);

    let refreshes = 0;
    const client = clientWith(tokens.accessToken, async () => {
      refreshes += 1;
      tokens = await h.oauth.refreshAccessToken({ shop: SHOP, refreshToken: tokens.refreshToken });
      return tokens.accessToken;
    });
    expect((await client.getShop()).currencyCode).toBe("EUR");
    expect((await client.getShop()).ianaTimezone).toBe("Europe/Berlin");
    expect(refreshes).toBe(1);
  });

  it("after app/uninstalled, refresh and calls end in needsReauthorization", async () => {
    const client = clientWith(tokens.accessToken, async () => (await h.oauth.refreshAccessToken({ shop: SHOP, refreshToken: tokens.refreshToken })).accessToken);
    await client.createWebhookSubscription({ topic: "app/uninstalled", uri: `${h.receiverUrl}/api/webhooks/shopify` });
    await h.control("POST", `/__sandbox/shopify/shops/${SHOP}/uninstall`, { clientId: h.clientId });

    const delivery = await h.waitFor((r) => r.headers["x-shopify-topic"] === "app/uninstalled");
    const read = readShopifyWebhook({ rawBody: delivery.rawBody, headers: delivery.headers as Record<string, string>, clientSecret: h.clientSecret });
    expect(read).toMatchObject({ ok: true, webhook: { topic: "app/uninstalled", shop: SHOP } });

    expect((await failure(client.getShop())).kind).toBe("needsReauthorization");
    expect((await failure(h.oauth.refreshAccessToken({ shop: SHOP, refreshToken: tokens.refreshToken }))).kind).toBe("needsReauthorization");
  });
});
