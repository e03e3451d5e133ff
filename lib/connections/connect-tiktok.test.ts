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
import { withTikTokToken } from "./tiktok-session";

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
