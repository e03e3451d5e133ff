import { createHmac, randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unregisterWebhooksFn } from "@/inngest/functions/unregister-webhooks";
import { db, setDbClient } from "../db";
import { runTikTokImport, seedSandboxProducts } from "../catalog/tiktok/import-test-kit";
import { finishShopifyImport, importShopifyStep, startShopifyImport } from "../catalog/shopify/import-store";
import { seedSandboxCatalog } from "../catalog/shopify/seed-sandbox-catalog";
import { mapSkus } from "../mapping/map-skus";
import { getShopSettings } from "../settings/get-shop-settings";
import { updateSettings } from "../settings/update-settings";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { runFunctionOnce } from "../testing/run-function";
import { authorizeTikTokSeller, installShopifyApp, sandboxControl } from "../testing/sandbox-browser";
import { processDelivery } from "../webhooks/process-delivery";
import { receiveShopifyWebhook } from "../webhooks/receive-shopify-webhook";
import { receiveTikTokWebhook } from "../webhooks/receive-tiktok-webhook";
import { completeShopifyConnect } from "./complete-shopify-connect";
import { completeTikTokConnect } from "./complete-tiktok-connect";
import { connectTikTokShops } from "./connect-tiktok-shops";
import { disconnectConnection } from "./disconnect-connection";
import { listConnections } from "./list-connections";
import { appUrls } from "./platform-config";
import { registerWebhooks } from "./register-webhooks";
import { withShopifyClient } from "./shopify-session";
import { startShopifyConnect, startTikTokConnect } from "./start-connect";
import { withTikTokToken } from "./tiktok-session";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const suffix = () => randomBytes(4).toString("hex");

async function importShopify(connectionId: string) {
  const { importId, cursor } = await startShopifyImport({ connectionId, kind: "full" });
  for (let next: typeof cursor | null = cursor; next; ) next = await importShopifyStep({ importId, cursor: next });
  await finishShopifyImport({ importId });
}

/** A Shopify store and a TikTok shop with one product each, imported, mapped, with a shop setting and webhooks. */
async function mappedPair() {
  const org = await newOrganization();
  const sku = `DR-${suffix()}`;
  const store = await connectedShopifyStore(org);
  const [seeded] = await seedSandboxCatalog({
    domain: store.domain,
    products: [{ title: "Canvas Tote", descriptionHtml: "", options: [], variants: [{ sku, price: "12.00", inventoryQuantity: 4, selectedOptions: [] }] }],
  });
  const { sellerId, shops } = await connectedTikTokShops(org, { shopifyConnectionId: store.connectionId });
  const shop = shops[0]!;
  const [tiktokProduct] = await seedSandboxProducts({ shopId: shop.shopId, products: [{ title: "Canvas Tote", skus: [{ sellerSku: sku, price: "12.00", quantity: 4 }] }] });
  await importShopify(store.connectionId);
  await runTikTokImport({ connectionId: shop.connectionId });
  const tiktokSku = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: shop.connectionId } });
  const variant = await testDb.shopifyVariant.findFirstOrThrow({ where: { connectionId: store.connectionId } });
  await mapSkus({ org, input: { tiktokConnectionId: shop.connectionId, pairs: [{ tiktokSkuId: tiktokSku.id, shopifyVariantId: variant.id }] } });
  await updateSettings({ org, input: { tiktokConnectionId: shop.connectionId, section: "mapping", value: { autoMapNewProducts: true } } });
  await registerWebhooks({ organizationId: org.organizationId, connectionId: store.connectionId });
  await registerWebhooks({ organizationId: org.organizationId, connectionId: shop.connectionId });
  return { org, store, shop, sellerId, shopifyProductId: seeded!.id, tiktokProductId: tiktokProduct!.id };
}

const shopifySign = (body: string) => createHmac("sha256", process.env.SHOPIFY_CLIENT_SECRET!).update(body).digest("base64");
const tiktokSign = (body: string) => createHmac("sha256", process.env.TIKTOK_APP_SECRET!).update(process.env.TIKTOK_APP_KEY! + body).digest("hex");

/** A genuine products/update delivery (the body Shopify sends: the product as it now is), received and processed as the job does. */
async function shopifyProductUpdate({ domain, productId }: { domain: string; productId: string }) {
  const product = await sandboxControl<{ id: number; updated_at: string }>("GET", `/__sandbox/shopify/shops/${domain}/products/${productId.split("/").pop()}`);
  const body = JSON.stringify({ id: product.id, admin_graphql_api_id: productId, updated_at: product.updated_at });
  const headers = new Headers({
    "x-shopify-hmac-sha256": shopifySign(body),
    "x-shopify-topic": "products/update",
    "x-shopify-shop-domain": domain,
    "x-shopify-webhook-id": `wh-${suffix()}`,
    "x-shopify-api-version": "2026-10",
    "x-shopify-triggered-at": new Date().toISOString(),
  });
  const received = await receiveShopifyWebhook({ rawBody: body, headers, endpoint: "main" });
  if (!("id" in received)) throw new Error(`not stored: ${JSON.stringify(received)}`);
  const { organizationId } = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: received.id }, select: { organizationId: true } });
  return processDelivery({ organizationId, deliveryId: received.id });
}

async function tiktokProductChange({ shopId, productId }: { shopId: string; productId: string }) {
  const body = JSON.stringify({
    type: 15,
    tts_notification_id: `n-${suffix()}`,
    shop_id: shopId,
    timestamp: Math.floor(Date.now() / 1000),
    data: { product_id: productId, update_time: Math.floor(Date.now() / 1000) + 5 },
  });
  const received = await receiveTikTokWebhook({ rawBody: body, authorization: tiktokSign(body) });
  if (!("id" in received)) throw new Error(`not stored: ${JSON.stringify(received)}`);
  const { organizationId } = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: received.id }, select: { organizationId: true } });
  return processDelivery({ organizationId, deliveryId: received.id });
}

const ourShopifySubscriptions = async (connectionId: string) => {
  const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
  const all = await withShopifyClient({ credentialId: connection.credentialId, shop: connection.externalId }, (client) => client.listWebhookSubscriptions());
  return all.filter((s) => s.uri === appUrls().shopifyWebhooks);
};
const ourTikTokSubscriptions = async (connectionId: string) => {
  const connection = await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } });
  const all = await withTikTokToken(connection.credentialId, (client, accessToken) => client.listWebhooks({ accessToken, shopCipher: connection.shopCipher! }));
  return all.filter((h) => h.address === appUrls().tiktokWebhooks);
};

describe("Soft disconnect and reconnect", () => {
  it("stops work and removes our webhooks; reconnecting the same stores restores their rows, mappings and settings", { timeout: 120_000 }, async () => {
    const { org, store, shop, sellerId, shopifyProductId, tiktokProductId } = await mappedPair();
    const mappingsBefore = await testDb.mapping.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    expect(mappingsBefore).toHaveLength(1);
    expect(await ourShopifySubscriptions(store.connectionId)).toHaveLength(7);
    expect((await ourTikTokSubscriptions(shop.connectionId)).length).toBeGreaterThan(0);

    await disconnectConnection({ org, connectionId: shop.connectionId });
    await disconnectConnection({ org, connectionId: store.connectionId });
    const listed = await listConnections({ organizationId: org.organizationId });
    expect([listed.shopify[0]!.status, listed.tiktok[0]!.status]).toEqual(["DISCONNECTED", "DISCONNECTED"]);

    // The job the disconnect queues, run by the local runner, removes only our subscriptions.
    for (const connectionId of [store.connectionId, shop.connectionId]) {
      const run = await runFunctionOnce({ fn: unregisterWebhooksFn, data: { organizationId: org.organizationId, connectionId } });
      expect(run.status).toBe("Completed");
    }
    expect(await ourShopifySubscriptions(store.connectionId)).toEqual([]);
    expect(await ourTikTokSubscriptions(shop.connectionId)).toEqual([]);

    // Deliveries still in flight change nothing for a disconnected store.
    await sandboxControl("PATCH", `/__sandbox/shopify/shops/${store.domain}/products/${shopifyProductId.split("/").pop()}`, { title: "Renamed while disconnected" });
    await expect(shopifyProductUpdate({ domain: store.domain, productId: shopifyProductId })).resolves.toEqual({
      handled: false,
      reason: "the store is disconnected: nothing is synced for it",
    });
    await expect(tiktokProductChange({ shopId: shop.shopId, productId: tiktokProductId })).resolves.toMatchObject({ handled: false });
    expect((await testDb.shopifyProduct.findFirstOrThrow({ where: { connectionId: store.connectionId } })).title).toBe("Canvas Tote");
    // Nor can a catalog import start.
    await expect(startShopifyImport({ connectionId: store.connectionId, kind: "full" })).rejects.toMatchObject({ code: "CONFLICT" });

    // Kept while disconnected: mappings, settings and the pairing.
    expect(await testDb.mapping.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } })).toEqual(mappingsBefore);

    // Reconnect Shopify through its install page: the same row comes back.
    const again = await startShopifyConnect({ org, shop: store.domain });
    const shopifyBack = await completeShopifyConnect({ query: (await installShopifyApp(again.authorizeUrl)).searchParams, userId: org.userId });
    expect(shopifyBack.connectionId).toBe(store.connectionId);
    // And the TikTok shop, picked again from a new authorization.
    const { authorizeUrl } = await startTikTokConnect({ org });
    const callback = await authorizeTikTokSeller(authorizeUrl, sellerId);
    const { authorizationId } = await completeTikTokConnect({ query: Object.fromEntries(callback.searchParams), userId: org.userId });
    const pending = (await listConnections({ organizationId: org.organizationId })).pendingTikTokAuthorizations;
    expect(pending.flatMap((a) => a.shops.map((s) => s.shopId))).toContain(shop.shopId);
    const { connected } = await connectTikTokShops({ org, input: { authorizationId, shops: [{ shopId: shop.shopId, shopifyConnectionId: store.connectionId }] } });
    expect(connected.map((c) => c.id)).toEqual([shop.connectionId]);

    const after = await listConnections({ organizationId: org.organizationId });
    expect(after.shopify).toEqual([expect.objectContaining({ id: store.connectionId, status: "ACTIVE", pairedTikTokShops: [expect.objectContaining({ id: shop.connectionId })] })]);
    expect(after.tiktok).toEqual([expect.objectContaining({ id: shop.connectionId, status: "ACTIVE", pairedShopify: expect.objectContaining({ id: store.connectionId }) })]);
    expect(await testDb.mapping.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } })).toEqual(mappingsBefore);
    expect((await getShopSettings({ organizationId: org.organizationId, tiktokConnectionId: shop.connectionId })).mapping.autoMapNewProducts).toBe(true);

    // The job that follows reconnecting subscribes again, and deliveries are processed again.
    await registerWebhooks({ organizationId: org.organizationId, connectionId: store.connectionId });
    await registerWebhooks({ organizationId: org.organizationId, connectionId: shop.connectionId });
    expect(await ourShopifySubscriptions(store.connectionId)).toHaveLength(7);
    expect((await ourTikTokSubscriptions(shop.connectionId)).length).toBeGreaterThan(0);
    await expect(shopifyProductUpdate({ domain: store.domain, productId: shopifyProductId })).resolves.toMatchObject({ handled: true, action: "product updated" });
    expect((await db().shopifyProduct.findFirstOrThrow({ where: { connectionId: store.connectionId } })).title).toBe("Renamed while disconnected");
  });
});
