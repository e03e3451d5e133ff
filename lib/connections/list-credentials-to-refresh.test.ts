import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "../crypto";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { listCredentialsToRefresh, refreshCredential } from "./refresh-credential";

// The hourly token refresh (inngest/functions/refresh-expiring-tokens.ts): which credentials it
// picks, and one refresh through the same locked path every API call uses.

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const NOW = Date.parse("2026-06-01T10:17:00Z");
const inHours = (hours: number) => new Date(NOW + hours * 3_600_000);

describe("listCredentialsToRefresh", () => {
  it("picks TikTok access tokens expiring within a day and refresh tokens expiring within a week, on active stores only", async () => {
    const s = await pairedStores(testDb);
    const credentialOf = async (connectionId: string) => (await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).credentialId;
    const tiktok = await credentialOf(s.tiktokConnectionId);
    const shopify = await credentialOf(s.shopifyConnectionId);
    const extra = async (platform: "SHOPIFY" | "TIKTOK", data: Record<string, unknown>, status: "ACTIVE" | "DISCONNECTED" = "ACTIVE") => {
      const subject = `extra-${Math.random().toString(36).slice(2)}`;
      const credential = await testDb.credential.create({ data: { organizationId: s.organizationId, platform, subject, accessToken: "x", scopes: [], ...data } });
      await testDb.connection.create({ data: { organizationId: s.organizationId, platform, externalId: subject, name: subject, credentialId: credential.id, status } });
      return credential.id;
    };
    await testDb.credential.update({ where: { id: tiktok }, data: { accessTokenExpiresAt: inHours(12) } });
    // Shopify access tokens are refreshed on use; only a refresh token close to its end counts.
    await testDb.credential.update({ where: { id: shopify }, data: { accessTokenExpiresAt: inHours(1), refreshTokenExpiresAt: inHours(24 * 30) } });
    const shopifyRefreshEnding = await extra("SHOPIFY", { accessTokenExpiresAt: inHours(2), refreshTokenExpiresAt: inHours(24 * 5) });
    const tiktokSoonest = await extra("TIKTOK", { accessTokenExpiresAt: inHours(3) });
    await extra("TIKTOK", { accessTokenExpiresAt: inHours(72) }); // not yet
    await extra("TIKTOK", { accessTokenExpiresAt: inHours(1), refreshFailedAt: new Date(NOW) }); // refused for good already
    await extra("TIKTOK", { accessTokenExpiresAt: inHours(1) }, "DISCONNECTED"); // no active store

    expect(await listCredentialsToRefresh({ now: NOW })).toEqual([shopifyRefreshEnding, tiktokSoonest, tiktok]);
  });
});

describe("refreshCredential", () => {
  it("refreshes a TikTok credential now, rotating its tokens", async () => {
    const org = await newOrganization();
    const { connectionId: shopifyConnectionId } = await connectedShopifyStore(org);
    const { shops } = await connectedTikTokShops(org, { shopifyConnectionId });
    const { credentialId } = await testDb.connection.findUniqueOrThrow({ where: { id: shops[0]!.connectionId } });
    const before = await testDb.credential.findUniqueOrThrow({ where: { id: credentialId } });
    await expect(refreshCredential({ credentialId })).resolves.toEqual({ credentialId, ok: true });
    const after = await testDb.credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(decryptSecret(after.accessToken)).not.toBe(decryptSecret(before.accessToken));
    expect(after.lastRefreshedAt).not.toBeNull();
  });

  it("reports a refusal instead of throwing, and the stores wait for re-authorization", async () => {
    const org = await newOrganization();
    const { connectionId } = await connectedShopifyStore(org);
    const { credentialId } = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    await testDb.credential.update({ where: { id: credentialId }, data: { refreshToken: encryptSecret("not-a-real-refresh-token") } });
    const result = await refreshCredential({ credentialId });
    expect(result).toMatchObject({ credentialId, ok: false, error: expect.any(String) });
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "NEEDS_REAUTH" });
    expect(await testDb.credential.findUniqueOrThrow({ where: { id: credentialId } })).toMatchObject({ refreshFailedAt: expect.any(Date) });
    // Not picked again by the next hourly run.
    expect(await listCredentialsToRefresh({ now: Date.now() + 30 * 86_400_000 })).not.toContain(credentialId);
  });
});
