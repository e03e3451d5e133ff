import { createHmac, randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveOrgAccess } from "../auth/org-access";
import { signUp } from "../auth/sign-up";
import { decryptSecret } from "../crypto";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { installShopifyApp, sandboxControl } from "../testing/sandbox-browser";
import { checkStore } from "./check-store";
import { completeShopifyConnect } from "./complete-shopify-connect";
import { appUrls } from "./platform-config";
import { registerWebhooks } from "./register-webhooks";
import { withShopifyClient } from "./shopify-session";
import { startShopifyConnect } from "./start-connect";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function owner(email = `owner-${randomBytes(3).toString("hex")}@example.test`) {
  const { userId, organizationSlug } = await signUp({ email, password: "river stone lantern 42", organizationName: "Acme" });
  return resolveOrgAccess({ slug: organizationSlug, userId });
}

async function sandboxShop() {
  const name = `acme-${randomBytes(4).toString("hex")}`;
  await sandboxControl("POST", "/__sandbox/shopify/shops", { domain: `${name}.myshopify.com` });
  return name;
}

async function connect(org: Awaited<ReturnType<typeof owner>>, name: string) {
  const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
  const callback = await installShopifyApp(authorizeUrl);
  const result = await completeShopifyConnect({ query: callback.searchParams, userId: org.userId });
  return { callback, ...result };
}

/** The code exchanged straight at Shopify's token endpoint, as anyone holding the callback URL could. */
function spendShopifyCode(callback: URL) {
  return fetch(`${process.env.FERRY_TEST_SANDBOX_URL}/shopify/${callback.searchParams.get("shop")}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: process.env.SHOPIFY_CLIENT_ID, client_secret: process.env.SHOPIFY_CLIENT_SECRET, code: callback.searchParams.get("code"), expiring: 1 }),
  });
}

async function expectNothingStored(organizationId: string) {
  expect(await testDb.credential.count({ where: { organizationId } })).toBe(0);
  expect(await testDb.connection.count({ where: { organizationId } })).toBe(0);
  expect(await testDb.activityEntry.count({ where: { organizationId, type: { startsWith: "connections." } } })).toBe(0);
}

describe("Connect Shopify", () => {
  it("goes through Shopify's install page and stores the store with encrypted, expiring tokens", async () => {
    const org = await owner();
    const name = await sandboxShop();
    const { callback, connectionId, organizationSlug } = await connect(org, name);
    expect(callback.pathname).toBe("/api/connect/shopify/callback");
    expect(organizationSlug).toBe(org.organizationSlug);

    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId }, include: { credential: true } });
    expect(connection).toMatchObject({ organizationId: org.organizationId, platform: "SHOPIFY", externalId: `${name}.myshopify.com`, status: "ACTIVE" });
    expect(connection.credential.accessToken).toMatch(/^v1\./);
    expect(decryptSecret(connection.credential.accessToken).length).toBeGreaterThan(10);
    expect(connection.credential.refreshToken).toMatch(/^v1\./);
    expect(connection.credential.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await testDb.activityEntry.count({ where: { organizationId: org.organizationId, type: "connections.connected" } })).toBe(1);
  });

  it("re-authorizing restores the same store, clears the Re-authorize banner and moves its authorization time", async () => {
    const org = await owner();
    const name = await sandboxShop();
    const { connectionId } = await connect(org, name);
    const before = await testDb.connection.update({ where: { id: connectionId }, data: { reauthorizeBy: new Date(Date.now() + 3 * 86_400_000) } });
    await expect(connect(org, name)).resolves.toMatchObject({ connectionId });
    const after = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(after.reauthorizeBy).toBeNull();
    expect(after.authorizedAt.getTime()).toBeGreaterThan(before.authorizedAt.getTime());
  });

  it("refuses a replayed callback, a tampered one, and one completed by another member", async () => {
    const org = await owner();
    const name = await sandboxShop();
    const { callback } = await connect(org, name);
    await expect(completeShopifyConnect({ query: callback.searchParams, userId: org.userId })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const second = await startShopifyConnect({ org, shop: name });
    const fresh = await installShopifyApp(second.authorizeUrl);
    const tampered = new URLSearchParams(fresh.searchParams);
    tampered.set("shop", "someone-else.myshopify.com");
    await expect(completeShopifyConnect({ query: tampered, userId: org.userId })).rejects.toThrow("could not be verified");
    const intruder = await owner();
    await expect(completeShopifyConnect({ query: fresh.searchParams, userId: intruder.userId })).rejects.toThrow("invalid or has expired");
    // The genuine member can still finish: nothing above consumed the state.
    await expect(completeShopifyConnect({ query: fresh.searchParams, userId: org.userId })).resolves.toMatchObject({ organizationSlug: org.organizationSlug });
  });

  it.each([["evil.com"], ["a.myshopify.com.evil.com"], [""], ["https://x.myshopify.com/admin"]])("refuses the shop domain %j before anything else", async (shop) => {
    const org = await owner();
    await expect(startShopifyConnect({ org, shop })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await testDb.oAuthState.count()).toBe(0);
  });

  it("keeps a store in one organization only: the second is refused before the code is spent, and stores nothing", async () => {
    const name = await sandboxShop();
    const first = await owner();
    const { connectionId } = await connect(first, name);
    const before = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const second = await owner();
    const { authorizeUrl } = await startShopifyConnect({ org: second, shop: name });
    const callback = await installShopifyApp(authorizeUrl);
    await expect(completeShopifyConnect({ query: callback.searchParams, userId: second.userId })).rejects.toThrow(
      `${name}.myshopify.com is already connected to another Ferry organization. Disconnect it there first.`,
    );
    await expectNothingStored(second.organizationId);
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).toEqual(before);
    // The code was not spent: Shopify would still exchange it.
    expect((await spendShopifyCode(callback)).status).toBe(200);
  });

  it("refuses a state that expired while the merchant was on Shopify's install page, and stores nothing", async () => {
    const org = await owner();
    const name = await sandboxShop();
    const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
    // Our 15 minutes are up; Shopify's callback itself is fresh (its timestamp is the click on "Install").
    await testDb.oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const callback = await installShopifyApp(authorizeUrl);
    await expect(completeShopifyConnect({ query: callback.searchParams, userId: org.userId })).rejects.toThrow(
      "This authorization link is invalid or has expired. Start the connection again from Connections.",
    );
    await expectNothingStored(org.organizationId);
    expect((await spendShopifyCode(callback)).status).toBe(200);
  });

  it("refuses an authorization code that was already used, and stores nothing", async () => {
    const org = await owner();
    const name = await sandboxShop();
    const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
    const callback = await installShopifyApp(authorizeUrl);
    // Someone else exchanged the code first (a leaked callback URL).
    expect((await spendShopifyCode(callback)).status).toBe(200);
    await expect(completeShopifyConnect({ query: callback.searchParams, userId: org.userId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Shopify refused the authorization code: it was already used or has expired. Start the connection again.",
      organizationSlug: org.organizationSlug,
    });
    await expectNothingStored(org.organizationId);
  });

  it("subscribes the webhooks at APP_URL, idempotently, and the health check passes", async () => {
    const org = await owner();
    const { connectionId } = await connect(org, await sandboxShop());
    // Another organization's id subscribes nothing and touches nothing.
    const stranger = await owner();
    await expect(registerWebhooks({ organizationId: stranger.organizationId, connectionId })).resolves.toEqual({ topics: 0 });
    await expect(checkStore({ organizationId: stranger.organizationId, connectionId })).resolves.toBeNull();
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ webhooksReadyAt: null, lastCheckedAt: null });

    await registerWebhooks({ organizationId: org.organizationId, connectionId });
    await registerWebhooks({ organizationId: org.organizationId, connectionId });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.webhooksReadyAt).not.toBeNull();
    const subscriptions = await withShopifyClient({ credentialId: connection.credentialId, shop: connection.externalId }, (client) => client.listWebhookSubscriptions());
    expect(subscriptions.map((s) => s.topic).sort()).toEqual(
      ["app/uninstalled", "fulfillments/create", "fulfillments/update", "inventory_levels/update", "orders/cancelled", "products/delete", "products/update"],
    );
    expect(new Set(subscriptions.map((s) => s.uri))).toEqual(new Set([appUrls().shopifyWebhooks]));
    await expect(checkStore({ organizationId: org.organizationId, connectionId })).resolves.toMatchObject({ ok: true });
  });

  it("refreshes an expiring token once when two callers race, and the old refresh token is spent", async () => {
    const org = await owner();
    const { connectionId } = await connect(org, await sandboxShop());
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId }, include: { credential: true } });
    const oldRefresh = decryptSecret(connection.credential.refreshToken!);
    await testDb.credential.update({ where: { id: connection.credentialId }, data: { accessTokenExpiresAt: new Date(Date.now() + 1000) } });

    const ref = { credentialId: connection.credentialId, shop: connection.externalId };
    const [a, b] = await Promise.all([withShopifyClient(ref, (c) => c.getShop()), withShopifyClient(ref, (c) => c.getShop())]);
    expect(a.name).toBe(b.name);
    const after = await testDb.credential.findUniqueOrThrow({ where: { id: connection.credentialId } });
    expect(decryptSecret(after.refreshToken!)).not.toBe(oldRefresh);
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

    // Shopify rotates refresh tokens: the old one no longer works, which is why two refreshes must never race.
    const { clientId, clientSecret } = { clientId: process.env.SHOPIFY_CLIENT_ID!, clientSecret: process.env.SHOPIFY_CLIENT_SECRET! };
    const reuse = await fetch(`${process.env.FERRY_TEST_SANDBOX_URL}/shopify/${connection.externalId}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, grant_type: "refresh_token", refresh_token: oldRefresh }),
    });
    expect(reuse.status).toBeGreaterThanOrEqual(400);
  });

  it("recovers when the sandbox clock expires the token early: two racing calls refresh once, on the 401", async () => {
    const org = await owner();
    const { connectionId } = await connect(org, await sandboxShop());
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId }, include: { credential: true } });
    const tokenBefore = decryptSecret(connection.credential.accessToken);
    // Shopify's access tokens live an hour; two hours later the sandbox refuses this one, while our
    // stored expiry (from the wall clock) still says it is valid: the 401 path must refresh.
    await sandboxControl("POST", "/__sandbox/clock", { advanceSeconds: 7200 });
    const ref = { credentialId: connection.credentialId, shop: connection.externalId };
    const results = await Promise.all([withShopifyClient(ref, (c) => c.getShop()), withShopifyClient(ref, (c) => c.getShop())]);
    expect(results.map((r) => r.name)).toEqual([results[0]!.name, results[0]!.name]);
    const after = await testDb.credential.findUniqueOrThrow({ where: { id: connection.credentialId } });
    expect(decryptSecret(after.accessToken)).not.toBe(tokenBefore);
    expect(after.lastRefreshedAt).not.toBeNull();
  });

  it("marks the store for re-authorization when its refresh token is refused", async () => {
    const org = await owner();
    const { connectionId } = await connect(org, await sandboxShop());
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const { encryptSecret } = await import("../crypto");
    await testDb.credential.update({
      where: { id: connection.credentialId },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000), refreshToken: encryptSecret("not-a-real-refresh-token") },
    });
    await expect(checkStore({ organizationId: org.organizationId, connectionId })).resolves.toMatchObject({ ok: false, problem: "needs re-authorization" });
    const marked = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(marked.status).toBe("NEEDS_REAUTH");
    expect(await testDb.activityEntry.count({ where: { type: "connections.needs_reauth" } })).toBe(1);
  });
});

export function shopifyHmac(body: string): string {
  return createHmac("sha256", process.env.SHOPIFY_CLIENT_SECRET!).update(body).digest("base64");
}
