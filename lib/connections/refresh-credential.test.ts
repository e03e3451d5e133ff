import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { refreshExpiringTokensFn } from "@/inngest/functions/refresh-expiring-tokens";
import { decryptSecret } from "../crypto";
import { setDbClient } from "../db";
import { TikTokClient } from "../platforms/tiktok/client";
import { TikTokOAuth } from "../platforms/tiktok/oauth";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { runFunctionOnce } from "../testing/run-function";
import { authorizeTikTokSeller, sandboxControl } from "../testing/sandbox-browser";
import { completeTikTokConnect } from "./complete-tiktok-connect";
import { connectTikTokShops } from "./connect-tiktok-shops";
import { listConnections } from "./list-connections";
import { refreshCredential } from "./refresh-credential";
import { startTikTokConnect } from "./start-connect";
import { refreshTikTokNow, tiktokOAuth, withTikTokToken } from "./tiktok-session";
import { reauthorizeNotice } from "@/components/connections/time-words";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());
afterEach(() => vi.restoreAllMocks());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function tiktokShop() {
  const org = await newOrganization();
  const { connectionId: shopifyConnectionId } = await connectedShopifyStore(org);
  const { shops } = await connectedTikTokShops(org, { shopifyConnectionId });
  const connection = await testDb.connection.findUniqueOrThrow({ where: { id: shops[0]!.connectionId } });
  return { org, shopifyConnectionId, connection, shopId: shops[0]!.shopId };
}

const credentialOf = (id: string) => testDb.credential.findUniqueOrThrow({ where: { id } });

/**
 * TikTok refuses the access token (105002) while our record still says it is good: the sandbox issues
 * this authorization a 10-minute token (our record: 10 minutes, past the 5-minute refresh margin), then
 * its clock moves 11 minutes. The sandbox config is shared, so the short lifetime is set only around
 * this one refresh.
 */
async function tokenThePlatformHasExpired(credentialId: string): Promise<string> {
  const { tiktok } = await sandboxControl<{ tiktok: { accessTokenTtlSeconds: number } }>("GET", "/__sandbox/config");
  await sandboxControl("POST", "/__sandbox/config", { tiktok: { accessTokenTtlSeconds: 600 } });
  try {
    await refreshTikTokNow(credentialId);
  } finally {
    await sandboxControl("POST", "/__sandbox/config", { tiktok: { accessTokenTtlSeconds: tiktok.accessTokenTtlSeconds } });
  }
  await sandboxControl("POST", "/__sandbox/clock", { advanceSeconds: 660 });
  return decryptSecret((await credentialOf(credentialId)).accessToken);
}

const listHooks = (connection: { credentialId: string; shopCipher: string | null }) =>
  withTikTokToken(connection.credentialId, (client, accessToken) => client.listWebhooks({ accessToken, shopCipher: connection.shopCipher! }));

describe("TikTok token refresh", () => {
  it("refreshes once when TikTok answers 105002, and retries the call with the new token", async () => {
    const { connection } = await tiktokShop();
    const expired = await tokenThePlatformHasExpired(connection.credentialId);
    const refreshes = vi.spyOn(TikTokOAuth.prototype, "refreshToken");
    const calls = vi.spyOn(TikTokClient.prototype, "listWebhooks");

    await expect(listHooks(connection)).resolves.toBeInstanceOf(Array);

    expect(refreshes).toHaveBeenCalledTimes(1);
    // The sandbox refused the first attempt with 105002; the retry carried the refreshed token.
    expect(calls).toHaveBeenCalledTimes(2);
    await expect(calls.mock.results[0]!.value).rejects.toMatchObject({ kind: "authExpired", code: 105002 });
    const credential = await credentialOf(connection.credentialId);
    expect(calls.mock.calls.map(([options]) => options.accessToken)).toEqual([expired, decryptSecret(credential.accessToken)]);
    expect(decryptSecret(credential.accessToken)).not.toBe(expired);
    expect(credential.refreshFailedAt).toBeNull();
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe("ACTIVE");
  });

  it("two refreshes racing (two 105002s and the hourly refresh) spend the rotating refresh token once", async () => {
    const { connection } = await tiktokShop();
    await tokenThePlatformHasExpired(connection.credentialId);
    const spentRefreshToken = decryptSecret((await credentialOf(connection.credentialId)).refreshToken!);
    const refreshes = vi.spyOn(TikTokOAuth.prototype, "refreshToken");

    const [a, b, scheduled] = await Promise.all([listHooks(connection), listHooks(connection), refreshCredential({ credentialId: connection.credentialId })]);

    expect([a, b].every(Array.isArray)).toBe(true);
    expect(scheduled).toEqual({ credentialId: connection.credentialId, ok: true });
    expect(refreshes).toHaveBeenCalledTimes(1);
    // TikTok rotates refresh tokens: had a second refresh raced, it would have spent this one again and failed.
    await expect(tiktokOAuth().refreshToken(spentRefreshToken)).rejects.toMatchObject({ kind: "needsReauthorization" });
    const credential = await credentialOf(connection.credentialId);
    expect(credential.refreshFailedAt).toBeNull();
    expect(decryptSecret(credential.refreshToken!)).not.toBe(spentRefreshToken);
    // The stored refresh token is the live one.
    await expect(refreshTikTokNow(connection.credentialId)).resolves.toEqual(expect.any(String));
  });
});

describe("the hourly refresh-expiring-tokens job", () => {
  it("refreshes the TikTok authorization whose access token runs out within a day, and nothing else", async () => {
    const { connection, shopifyConnectionId } = await tiktokShop();
    const shopify = await testDb.connection.findUniqueOrThrow({ where: { id: shopifyConnectionId } });
    await testDb.credential.update({ where: { id: connection.credentialId }, data: { accessTokenExpiresAt: new Date(Date.now() + 2 * HOUR) } });
    const before = await credentialOf(connection.credentialId);

    const run = await runFunctionOnce({ fn: refreshExpiringTokensFn });

    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ refreshed: 1, failed: 0, warned: 0 });
    expect(run.steps.map((s) => s.name)).toEqual(["find-expiring", `refresh-${connection.credentialId}`, "warn-expiring"]);
    const after = await credentialOf(connection.credentialId);
    expect(after.lastRefreshedAt).not.toBeNull();
    expect(decryptSecret(after.accessToken)).not.toBe(decryptSecret(before.accessToken));
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    await expect(listHooks(connection)).resolves.toBeInstanceOf(Array);
    // The Shopify store's refresh token has months left: not touched.
    expect((await credentialOf(shopify.credentialId)).lastRefreshedAt).toBeNull();
    expect(await testDb.notification.count()).toBe(0);
  });

  it("marks a shop whose seller revoked Ferry for re-authorization and notifies once", async () => {
    const { org, connection, shopId } = await tiktokShop();
    await testDb.credential.update({ where: { id: connection.credentialId }, data: { accessTokenExpiresAt: new Date(Date.now() + 2 * HOUR) } });
    // The webhook that would say so is lost (nothing listens at the test's APP_URL); the refresh finds out.
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shopId}/deauthorize`, {});

    const first = await runFunctionOnce({ fn: refreshExpiringTokensFn });
    expect(first.output).toEqual({ refreshed: 0, failed: 1, warned: 0 });
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: connection.id } })).status).toBe("NEEDS_REAUTH");
    const notifications = await testDb.notification.findMany({ where: { organizationId: org.organizationId } });
    expect(notifications).toEqual([
      expect.objectContaining({ kind: "connections.needs_reauth", level: "ERROR", title: `${connection.name} needs to be re-authorized`, href: `/${org.organizationSlug}/connections` }),
    ]);

    // The next hour does not try the refused authorization again, and says nothing twice.
    const second = await runFunctionOnce({ fn: refreshExpiringTokensFn });
    expect(second.output).toEqual({ refreshed: 0, failed: 0, warned: 0 });
    expect(await testDb.notification.count({ where: { organizationId: org.organizationId } })).toBe(1);
  });

  it("warns, with the Re-authorize banner and one notification, when the authorization itself ends within a week", async () => {
    const org = await newOrganization();
    const { connectionId: shopifyConnectionId } = await connectedShopifyStore(org);
    const sellerId = `seller-${Date.now().toString(36)}`;
    const { shopId } = await sandboxControl<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", { name: `Ending ${sellerId}`, region: "US", sellerType: "LOCAL", sellerId });
    // This seller's authorization (TikTok's refresh token) lasts three days; refreshing does not extend it.
    const { tiktok } = await sandboxControl<{ tiktok: { refreshTokenTtlSeconds: number } }>("GET", "/__sandbox/config");
    const { authorizeUrl } = await startTikTokConnect({ org });
    const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
    await sandboxControl("POST", "/__sandbox/config", { tiktok: { refreshTokenTtlSeconds: 3 * 86_400 } });
    let authorizationId: string;
    try {
      ({ authorizationId } = await completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId }));
    } finally {
      await sandboxControl("POST", "/__sandbox/config", { tiktok: { refreshTokenTtlSeconds: tiktok.refreshTokenTtlSeconds } });
    }
    const { connected } = await connectTikTokShops({ org, input: { authorizationId, shops: [{ shopId, shopifyConnectionId }] } });
    const endsAt = (await credentialOf(authorizationId)).refreshTokenExpiresAt!;

    const run = await runFunctionOnce({ fn: refreshExpiringTokensFn });
    expect(run.output).toEqual({ refreshed: 1, failed: 0, warned: 1 });

    const listed = (await listConnections({ organizationId: org.organizationId })).tiktok[0]!;
    expect(listed.reauthorizeBy).toBe(endsAt.toISOString());
    expect(reauthorizeNotice({ platform: "TikTok Shop", reauthorizeBy: listed.reauthorizeBy, active: listed.status === "ACTIVE", now: (await sandboxControl<{ nowMs: number }>("GET", "/__sandbox/clock")).nowMs })).toMatch(
      /^TikTok Shop asks you to re-authorize Ferry within [23] days to keep syncing\.$/,
    );
    const day = endsAt.toISOString().slice(0, 10);
    expect(await testDb.notification.findMany({ where: { organizationId: org.organizationId } })).toEqual([
      expect.objectContaining({ kind: "connections.authorization_expiring", level: "WARNING", title: `Re-authorize ${connected[0]!.name} by ${day}`, href: `/${org.organizationSlug}/connections` }),
    ]);
    expect(await testDb.activityEntry.count({ where: { organizationId: org.organizationId, type: "connections.authorization_expiring" } })).toBe(1);

    // An hour later: the same deadline, nothing new to say.
    const again = await runFunctionOnce({ fn: refreshExpiringTokensFn });
    expect(again.output).toMatchObject({ warned: 0 });
    expect(await testDb.notification.count({ where: { organizationId: org.organizationId } })).toBe(1);
    expect(await testDb.activityEntry.count({ where: { organizationId: org.organizationId, type: "connections.authorization_expiring" } })).toBe(1);
  });
});
