import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { TIKTOK_WEBHOOK_TOPICS } from "../platforms/tiktok/webhooks";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { appUrls } from "./platform-config";
import { registerWebhooks } from "./register-webhooks";
import { withShopifyClient } from "./shopify-session";
import { withTikTokToken } from "./tiktok-session";
import { unregisterWebhooks } from "./unregister-webhooks";

// After a disconnect (inngest/functions/unregister-webhooks.ts), against the platform sandbox.

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

describe("unregisterWebhooks", () => {
  it("removes only Ferry's Shopify subscriptions of a disconnected store, and nothing of an active or foreign one", async () => {
    const org = await newOrganization();
    const { connectionId } = await connectedShopifyStore(org);
    await registerWebhooks({ organizationId: org.organizationId, connectionId });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const ref = { credentialId: connection.credentialId, shop: connection.externalId };
    // A subscription at another address (an old deployment's, say) is not ours to remove.
    await withShopifyClient(ref, (client) => client.createWebhookSubscription({ topic: "products/update", uri: "https://elsewhere.example.test/hooks" }));
    const list = () => withShopifyClient(ref, (client) => client.listWebhookSubscriptions());
    const ours = (await list()).filter((s) => s.uri === appUrls().shopifyWebhooks).length;
    expect(ours).toBeGreaterThan(0);

    // Still active (reconnected before the job ran): its subscriptions are wanted.
    await expect(unregisterWebhooks({ organizationId: org.organizationId, connectionId })).resolves.toEqual({ removed: 0 });
    await testDb.connection.update({ where: { id: connectionId }, data: { status: "DISCONNECTED" } });
    const stranger = await newOrganization("Stranger");
    await expect(unregisterWebhooks({ organizationId: stranger.organizationId, connectionId })).resolves.toEqual({ removed: 0 });
    expect(await list()).toHaveLength(ours + 1);

    await expect(unregisterWebhooks({ organizationId: org.organizationId, connectionId })).resolves.toEqual({ removed: ours });
    expect((await list()).map((s) => s.uri)).toEqual(["https://elsewhere.example.test/hooks"]);
    expect(await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ webhooksReadyAt: null });
    // Run again (a retried step): nothing left to remove.
    await expect(unregisterWebhooks({ organizationId: org.organizationId, connectionId })).resolves.toEqual({ removed: 0 });
  });

  it("removes every TikTok topic of a disconnected shop", async () => {
    const org = await newOrganization();
    const { connectionId: shopifyConnectionId } = await connectedShopifyStore(org);
    const { shops } = await connectedTikTokShops(org, { shopifyConnectionId });
    const connectionId = shops[0]!.connectionId;
    await registerWebhooks({ organizationId: org.organizationId, connectionId });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const hooks = () => withTikTokToken(connection.credentialId, (client, accessToken) => client.listWebhooks({ accessToken, shopCipher: connection.shopCipher! }));
    expect((await hooks()).length).toBe(TIKTOK_WEBHOOK_TOPICS.length);
    await testDb.connection.update({ where: { id: connectionId }, data: { status: "DISCONNECTED" } });
    await expect(unregisterWebhooks({ organizationId: org.organizationId, connectionId })).resolves.toEqual({ removed: TIKTOK_WEBHOOK_TOPICS.length });
    expect(await hooks()).toEqual([]);
  });
});
