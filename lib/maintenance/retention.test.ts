import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pruneLoginAttempts } from "../auth/login-throttle";
import { pruneOAuthStates } from "../connections/oauth-state";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { resetDatabase, testDb } from "../testing/db";
import { pruneWebhookDeliveries } from "../webhooks/store-delivery";
import { purgeUninstalledConnections, UNINSTALLED_RETENTION_DAYS } from "./purge-uninstalled";

// The daily retention job's steps (inngest/functions/run-maintenance.ts), each safe to run twice.

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const NOW = new Date("2026-06-01T03:30:00Z");
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 - hours * 3_600_000);

describe("purgeUninstalledConnections", () => {
  it("erases stores uninstalled longer than the retention period, with tokens no store uses, and keeps the rest", async () => {
    const s = await pairedStores(testDb);
    const tiktokCredential = (await testDb.connection.findUniqueOrThrow({ where: { id: s.tiktokConnectionId } })).credentialId;
    // The Shopify store went long ago; its TikTok shop (still paired with it) was uninstalled recently.
    await testDb.connection.update({ where: { id: s.shopifyConnectionId }, data: { status: "UNINSTALLED", disconnectedAt: daysAgo(UNINSTALLED_RETENTION_DAYS, 1) } });
    await testDb.connection.update({ where: { id: s.tiktokConnectionId }, data: { status: "UNINSTALLED", disconnectedAt: daysAgo(UNINSTALLED_RETENTION_DAYS - 1) } });
    const disconnected = await pairedStores(testDb);
    await testDb.connection.update({ where: { id: disconnected.shopifyConnectionId }, data: { status: "DISCONNECTED", disconnectedAt: daysAgo(90) } });
    const shopifyCredential = (await testDb.connection.findUniqueOrThrow({ where: { id: s.shopifyConnectionId } })).credentialId;

    expect(await purgeUninstalledConnections({ now: NOW })).toBe(1);
    expect(await testDb.connection.findUnique({ where: { id: s.shopifyConnectionId } })).toBeNull();
    expect(await testDb.credential.findUnique({ where: { id: shopifyCredential } })).toBeNull();
    // Kept: the recent uninstall (unpaired from the erased store, its token kept) and a soft disconnect.
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: s.tiktokConnectionId } })).toMatchObject({ status: "UNINSTALLED", pairedShopifyId: null });
    expect(await testDb.credential.findUnique({ where: { id: tiktokCredential } })).not.toBeNull();
    expect(await testDb.connection.findUnique({ where: { id: disconnected.shopifyConnectionId } })).not.toBeNull();
    expect(await purgeUninstalledConnections({ now: NOW })).toBe(0);
  });

  it("keeps a credential another store of the organization still uses", async () => {
    const s = await pairedStores(testDb);
    const tiktok = await testDb.connection.findUniqueOrThrow({ where: { id: s.tiktokConnectionId } });
    const sibling = await testDb.connection.create({
      data: { organizationId: s.organizationId, platform: "TIKTOK", externalId: `${tiktok.externalId}-eu`, name: "Shop EU", credentialId: tiktok.credentialId },
    });
    await testDb.connection.update({ where: { id: tiktok.id }, data: { status: "UNINSTALLED", disconnectedAt: daysAgo(45) } });
    expect(await purgeUninstalledConnections({ now: NOW })).toBe(1);
    expect(await testDb.credential.findUnique({ where: { id: tiktok.credentialId } })).not.toBeNull();
    expect(await testDb.connection.findUnique({ where: { id: sibling.id } })).not.toBeNull();
  });
});

describe("pruning", () => {
  it("drops sign-in attempts older than a day", async () => {
    await testDb.loginAttempt.createMany({
      data: [
        { email: "a@example.test", ip: "203.0.113.1", succeeded: false, createdAt: daysAgo(1, 1) },
        { email: "a@example.test", ip: "203.0.113.1", succeeded: false, createdAt: daysAgo(0, 23) },
      ],
    });
    expect(await pruneLoginAttempts(NOW)).toBe(1);
    expect(await pruneLoginAttempts(NOW)).toBe(0);
    expect(await testDb.loginAttempt.count()).toBe(1);
  });

  it("drops OAuth states a day past their expiry", async () => {
    const s = await pairedStores(testDb);
    const state = (nonceHash: string, expiresAt: Date) => ({ nonceHash, organizationId: s.organizationId, userId: s.org.userId, platform: "SHOPIFY" as const, expiresAt });
    await testDb.oAuthState.createMany({ data: [state("old", daysAgo(1, 1)), state("recent", daysAgo(0, 1)), state("live", new Date(NOW.getTime() + 600_000))] });
    expect(await pruneOAuthStates(NOW)).toBe(1);
    expect((await testDb.oAuthState.findMany({ orderBy: { nonceHash: "asc" } })).map((row) => row.nonceHash)).toEqual(["live", "recent"]);
  });

  it("drops webhook deliveries older than 30 days", async () => {
    const delivery = (deliveryId: string, receivedAt: Date) => ({ platform: "SHOPIFY" as const, deliveryId, topic: "products/update", shop: "acme.myshopify.com", payload: {}, receivedAt });
    await testDb.webhookDelivery.createMany({ data: [delivery("old", daysAgo(30, 1)), delivery("recent", daysAgo(29))] });
    expect(await pruneWebhookDeliveries(NOW)).toBe(1);
    expect((await testDb.webhookDelivery.findMany()).map((row) => row.deliveryId)).toEqual(["recent"]);
  });
});
