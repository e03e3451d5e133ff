import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { checkStore } from "./check-store";
import { listConnections } from "./list-connections";
import { recordSuccessfulCall, SUCCESSFUL_CALL_RESOLUTION_MS } from "./record-successful-call";
import { registerWebhooks } from "./register-webhooks";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const lastCall = async (id: string) => (await testDb.connection.findUniqueOrThrow({ where: { id } })).lastSuccessfulCallAt;

describe("Connection health: last successful call and last error", () => {
  it("notes successful platform calls per store, and a failed check keeps the last success apart from its error", async () => {
    const org = await newOrganization();
    const { connectionId, domain } = await connectedShopifyStore(org);
    expect(await lastCall(connectionId)).toBeNull();

    // A platform call made for the store (the webhook subscriptions) counts.
    await registerWebhooks({ organizationId: org.organizationId, connectionId });
    const afterWebhooks = await lastCall(connectionId);
    expect(afterWebhooks).not.toBeNull();

    const passed = await checkStore({ organizationId: org.organizationId, connectionId });
    expect(passed?.ok).toBe(true);
    const healthy = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(healthy.lastSuccessfulCallAt!.getTime()).toBe(healthy.lastCheckedAt!.getTime());
    expect(healthy.statusReason).toBeNull();

    // The store stops answering (here: the row points at a domain the platform does not know).
    await testDb.connection.update({ where: { id: connectionId }, data: { externalId: "gone-away.myshopify.com" } });
    const failed = await checkStore({ organizationId: org.organizationId, connectionId });
    expect(failed?.ok).toBe(false);
    const broken = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(broken.status).toBe("ACTIVE");
    expect(broken.statusReason).toMatch(/^Last check failed: /);
    expect(broken.lastCheckedAt!.getTime()).toBeGreaterThan(healthy.lastCheckedAt!.getTime());
    expect(broken.lastSuccessfulCallAt).toEqual(healthy.lastSuccessfulCallAt);

    const listed = (await listConnections({ organizationId: org.organizationId })).shopify[0]!;
    expect(listed).toMatchObject({ status: "ACTIVE", statusReason: broken.statusReason, lastSuccessfulCallAt: healthy.lastSuccessfulCallAt!.toISOString() });

    // Answering again clears the error.
    await testDb.connection.update({ where: { id: connectionId }, data: { externalId: domain } });
    await expect(checkStore({ organizationId: org.organizationId, connectionId })).resolves.toMatchObject({ ok: true });
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).statusReason).toBeNull();
  });

  it("notes a TikTok call on the shop it was made for, not on the authorization's other shops", async () => {
    const org = await newOrganization();
    const { connectionId: shopifyConnectionId } = await connectedShopifyStore(org);
    const { shops } = await connectedTikTokShops(org, { shopifyConnectionId, sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
    await registerWebhooks({ organizationId: org.organizationId, connectionId: shops[0]!.connectionId });
    expect(await lastCall(shops[0]!.connectionId)).not.toBeNull();
    expect(await lastCall(shops[1]!.connectionId)).toBeNull();
  });

  it("writes at most once a minute per store", async () => {
    const org = await newOrganization();
    const { connectionId } = await connectedShopifyStore(org);
    const { credentialId } = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const t0 = new Date("2026-11-01T10:00:00Z");
    await recordSuccessfulCall({ credentialId, store: { connectionId }, now: t0 });
    await recordSuccessfulCall({ credentialId, store: { connectionId }, now: new Date(t0.getTime() + SUCCESSFUL_CALL_RESOLUTION_MS - 1) });
    expect(await lastCall(connectionId)).toEqual(t0);
    const later = new Date(t0.getTime() + SUCCESSFUL_CALL_RESOLUTION_MS + 1);
    await recordSuccessfulCall({ credentialId, store: { connectionId }, now: later });
    expect(await lastCall(connectionId)).toEqual(later);
    // Another organization's credential never touches this store.
    await recordSuccessfulCall({ credentialId: "someone-elses-credential", store: { connectionId }, now: new Date(later.getTime() + 10 * SUCCESSFUL_CALL_RESOLUTION_MS) });
    expect(await lastCall(connectionId)).toEqual(later);
  });
});
