import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveOrgAccess, type OrgContext } from "../auth/org-access";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { authorizeTikTokSeller, installShopifyApp, sandboxControl } from "../testing/sandbox-browser";
import { checkStore } from "./check-store";
import { completeShopifyConnect } from "./complete-shopify-connect";
import { completeTikTokConnect } from "./complete-tiktok-connect";
import { connectTikTokShops } from "./connect-tiktok-shops";
import { listConnections } from "./list-connections";
import { registerWebhooks } from "./register-webhooks";
import { startShopifyConnect, startTikTokConnect } from "./start-connect";
import { tiktokOAuth, withTikTokToken } from "./tiktok-session";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const suffix = () => randomBytes(4).toString("hex");

async function owner() {
  const { userId, organizationSlug } = await signUp({ email: `o-${suffix()}@example.test`, password: "river stone lantern 42", organizationName: "Acme" });
  return resolveOrgAccess({ slug: organizationSlug, userId });
}

async function shopifyStore(org: OrgContext) {
  const name = `acme-${suffix()}`;
  await sandboxControl("POST", "/__sandbox/shopify/shops", { domain: `${name}.myshopify.com` });
  const { authorizeUrl } = await startShopifyConnect({ org, shop: name });
  return completeShopifyConnect({ query: (await installShopifyApp(authorizeUrl)).searchParams, userId: org.userId });
}

/** A cross-border seller with two markets. */
async function seller() {
  const sellerId = `seller-${suffix()}`;
  const gb = await sandboxControl<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", { name: `Acme UK ${suffix()}`, region: "GB", sellerType: "CROSS_BORDER", sellerId });
  const de = await sandboxControl<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", { name: `Acme DE ${suffix()}`, region: "DE", sellerType: "CROSS_BORDER", sellerId });
  return { sellerId, shopIds: [gb.shopId, de.shopId] };
}

async function localSeller() {
  const sellerId = `seller-${suffix()}`;
  const { shopId } = await sandboxControl<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", { name: `Acme US ${suffix()}`, region: "US", sellerType: "LOCAL", sellerId });
  return { sellerId, shopId };
}

async function expectNothingStored(organizationId: string) {
  expect(await testDb.credential.count({ where: { organizationId, platform: "TIKTOK" } })).toBe(0);
  expect(await testDb.connection.count({ where: { organizationId, platform: "TIKTOK" } })).toBe(0);
  expect(await testDb.activityEntry.count({ where: { organizationId, type: "connections.authorized" } })).toBe(0);
}

async function authorize(org: OrgContext, sellerId: string, action: "authorize" | "cancel" = "authorize") {
  const { authorizeUrl } = await startTikTokConnect({ org });
  const callback = await authorizeTikTokSeller(authorizeUrl, sellerId, action);
  return completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId });
}

describe("Connect TikTok Shop", () => {
  it("authorizes a seller, lists the shops to choose from, connects the chosen ones paired with Shopify", async () => {
    const org = await owner();
    const { connectionId: shopifyId } = await shopifyStore(org);
    const { sellerId, shopIds } = await seller();
    const { authorizationId } = await authorize(org, sellerId);

    const before = await listConnections({ organizationId: org.organizationId });
    expect(before.pendingTikTokAuthorizations).toHaveLength(1);
    expect(before.pendingTikTokAuthorizations[0]!.shops.map((s) => s.shopId).sort()).toEqual([...shopIds].sort());
    expect(before.pendingTikTokAuthorizations[0]!.shops.every((s) => s.sellerType === "CROSS_BORDER")).toBe(true);

    const { connected } = await connectTikTokShops({ org, input: { authorizationId, shops: [{ shopId: shopIds[0]!, shopifyConnectionId: shopifyId }] } });
    expect(connected).toHaveLength(1);
    const after = await listConnections({ organizationId: org.organizationId });
    expect(after.tiktok).toHaveLength(1);
    expect(after.tiktok[0]).toMatchObject({ shopId: shopIds[0], status: "ACTIVE", sellerType: "CROSS_BORDER", region: "GB", pairedShopify: { id: shopifyId } });
    expect(after.shopify[0]!.pairedTikTokShops.map((s) => s.id)).toEqual([connected[0]!.id]);
    // The other market is still waiting to be chosen.
    expect(after.pendingTikTokAuthorizations[0]!.shops.filter((s) => s.connectedConnectionId === null).map((s) => s.shopId)).toEqual([shopIds[1]]);
    expect(JSON.stringify(after)).not.toMatch(/v1\.[^"]*\./);

    await registerWebhooks({ organizationId: org.organizationId, connectionId: connected[0]!.id });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connected[0]!.id } });
    const hooks = await withTikTokToken(connection.credentialId, (client, accessToken) => client.listWebhooks({ accessToken, shopCipher: connection.shopCipher! }));
    expect(hooks.map((h) => h.event_type).sort()).toContain("ORDER_STATUS_CHANGE");
    expect(hooks.every((h) => h.address === "http://127.0.0.1:3999/api/webhooks/tiktok")).toBe(true);
    await expect(checkStore({ organizationId: org.organizationId, connectionId: connection.id })).resolves.toMatchObject({ ok: true });
  });

  it("says so when the seller cancels, and connects nothing", async () => {
    const org = await owner();
    const { sellerId } = await seller();
    await expect(authorize(org, sellerId, "cancel")).rejects.toThrow("Authorization was cancelled on TikTok Shop");
    expect(await testDb.credential.count()).toBe(0);
  });

  it("refuses a state that expired while the seller was on TikTok's page, and stores nothing", async () => {
    const org = await owner();
    const { sellerId } = await seller();
    const { authorizeUrl } = await startTikTokConnect({ org });
    await testDb.oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
    await expect(completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId })).rejects.toThrow(
      "This authorization link is invalid or has expired. Start the connection again from Connections.",
    );
    await expectNothingStored(org.organizationId);
    // The code was never exchanged.
    await expect(tiktokOAuth().exchangeCode(callback.searchParams.get("code")!)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("refuses an authorization code that was already used, and stores nothing", async () => {
    const org = await owner();
    const { sellerId } = await seller();
    const { authorizeUrl } = await startTikTokConnect({ org });
    const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
    // Someone holding the callback URL exchanged the code first.
    await tiktokOAuth().exchangeCode(callback.searchParams.get("code")!);
    await expect(completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "TikTok Shop refused the authorization code: it was already used or has expired. Connect TikTok Shop again.",
      organizationSlug: org.organizationSlug,
    });
    await expectNothingStored(org.organizationId);
  });

  it("refuses a seller whose only shop is another organization's, and stores nothing; that shop is untouched", async () => {
    const first = await owner();
    const { connectionId: firstShopify } = await shopifyStore(first);
    const { sellerId, shopId } = await localSeller();
    const { authorizationId } = await authorize(first, sellerId);
    const { connected } = await connectTikTokShops({ org: first, input: { authorizationId, shops: [{ shopId, shopifyConnectionId: firstShopify }] } });
    const before = await testDb.connection.findUniqueOrThrow({ where: { id: connected[0]!.id } });

    const second = await owner();
    await shopifyStore(second);
    await expect(authorize(second, sellerId)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${before.name} is already connected to another Ferry organization. Disconnect it there first.`,
      organizationSlug: second.organizationSlug,
    });
    await expectNothingStored(second.organizationId);
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connected[0]!.id } })).toEqual(before);
  });

  it("refuses to connect a market another organization has, stores nothing for it, and connects the free one", async () => {
    const first = await owner();
    const { connectionId: firstShopify } = await shopifyStore(first);
    const { sellerId, shopIds } = await seller();
    const firstAuthorization = await authorize(first, sellerId);
    const { connected } = await connectTikTokShops({ org: first, input: { authorizationId: firstAuthorization.authorizationId, shops: [{ shopId: shopIds[0]!, shopifyConnectionId: firstShopify }] } });
    const before = await testDb.connection.findUniqueOrThrow({ where: { id: connected[0]!.id } });

    const second = await owner();
    const { connectionId: secondShopify } = await shopifyStore(second);
    const { authorizationId } = await authorize(second, sellerId);
    await expect(connectTikTokShops({ org: second, input: { authorizationId, shops: [{ shopId: shopIds[0]!, shopifyConnectionId: secondShopify }] } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${before.name} is already connected to another Ferry organization. Disconnect it there first.`,
    });
    expect(await testDb.connection.count({ where: { organizationId: second.organizationId, platform: "TIKTOK" } })).toBe(0);
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connected[0]!.id } })).toEqual(before);
    // Positive control: the market nobody has connects.
    const free = await connectTikTokShops({ org: second, input: { authorizationId, shops: [{ shopId: shopIds[1]!, shopifyConnectionId: secondShopify }] } });
    expect(free.connected).toHaveLength(1);
  });

  it.each([
    ["a shop the authorization does not cover", (ids: string[]) => [{ shopId: "999999", shopifyConnectionId: ids[0]! }], "not covered"],
    ["no shop", () => [], "at least one shop"],
  ])("refuses %s", async (_label, shops, message) => {
    const org = await owner();
    const { connectionId } = await shopifyStore(org);
    const { sellerId } = await seller();
    const { authorizationId } = await authorize(org, sellerId);
    const { connectTikTokShopsSchema } = await import("./connect-tiktok-shops");
    await expect(
      (async () => connectTikTokShops({ org, input: connectTikTokShopsSchema.parse({ authorizationId, shops: shops([connectionId]) }) }))(),
    ).rejects.toThrow(message);
    expect(await testDb.connection.count({ where: { platform: "TIKTOK" } })).toBe(0);
  });

  it("refuses another organization's Shopify store and another organization's authorization", async () => {
    const org = await owner();
    const other = await owner();
    const { connectionId: otherShopify } = await shopifyStore(other);
    const { connectionId: ownShopify } = await shopifyStore(org);
    const { sellerId, shopIds } = await seller();
    const { authorizationId } = await authorize(org, sellerId);
    await expect(connectTikTokShops({ org, input: { authorizationId, shops: [{ shopId: shopIds[0]!, shopifyConnectionId: otherShopify }] } })).rejects.toThrow(
      "Choose one of your connected Shopify stores",
    );
    await expect(connectTikTokShops({ org: other, input: { authorizationId, shops: [{ shopId: shopIds[0]!, shopifyConnectionId: ownShopify }] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
