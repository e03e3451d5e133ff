// Integration: product webhooks re-read one product from the shared sandbox and update the cache.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setDbClient } from "@/lib/db";
import { withTikTokToken } from "@/lib/connections/tiktok-session";
import { defineEndpoint } from "@/lib/platforms/tiktok/endpoints";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "@/lib/testing/connected-stores";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { sandboxControl } from "@/lib/testing/sandbox-browser";
import { applyTikTokProductEvent } from "./apply-product-event";
import { runTikTokImport, sandboxLogMark, sandboxSecond, sandboxShopCalls, seedSandboxProducts, waitForNextSandboxSecond } from "./import-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

// Seller-side edits, as another tool would make them through the Open API.
const updatePrice = defineEndpoint({ method: "POST", path: "/product/202309/products/{product_id}/prices/update", shopCipher: "required", data: z.unknown() });
const partialEdit = defineEndpoint({ method: "POST", path: "/product/202509/products/{product_id}/partial_edit", shopCipher: "required", data: z.unknown() });

async function setup() {
  const org = await newOrganization();
  const shopify = await connectedShopifyStore(org);
  const { shops: [shop] } = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId });
  const connection = await testDb.connection.findUniqueOrThrow({ where: { id: shop!.connectionId } });
  const [product] = await seedSandboxProducts({
    shopId: shop!.shopId,
    products: [{ title: "Hoodie", skus: ["S", "M", "L"].map((size, i) => ({ sellerSku: `FD-HOOD-${size}`, price: "49.00", quantity: 3, barcode: `01234567890${i}`, salesAttributes: [{ name: "Size", value: size }] })) }],
  });
  await runTikTokImport({ connectionId: shop!.connectionId });
  const edit = (endpoint: typeof updatePrice, body: unknown) =>
    withTikTokToken(connection.credentialId, (client, accessToken) => client.call({ endpoint, accessToken, shopCipher: connection.shopCipher!, pathParams: { product_id: product!.id }, body }));
  const updateTime = async () => (await sandboxControl<{ update_time: number }>("GET", `/__sandbox/tiktok/shops/${shop!.shopId}/products/${product!.id}`)).update_time;
  const cachedSkus = () => testDb.tikTokSku.findMany({ where: { connectionId: shop!.connectionId }, orderBy: { sellerSku: "asc" }, include: { product: true } });
  return { shop: shop!, shopify, connection, product: product!, edit, updateTime, cachedSkus };
}

describe("applyTikTokProductEvent", () => {
  it("applies a price change, ignores an older event without a call, and marks a deletion", async () => {
    const { shop, product, edit, updateTime, cachedSkus } = await setup();
    const importedAt = await updateTime();
    await waitForNextSandboxSecond(importedAt);
    const [small] = product.skus;
    await edit(updatePrice, { skus: [{ id: small!.id, price: { amount: "39.5", currency: "USD" } }] });
    const changedAt = await updateTime();

    expect(await applyTikTokProductEvent({ connectionId: shop.connectionId, productId: product.id, updateTime: changedAt })).toBe("written");
    const skus = await cachedSkus();
    expect(skus.map((k) => [k.sellerSku, k.price.toString()])).toEqual([["FD-HOOD-L", "49"], ["FD-HOOD-M", "49"], ["FD-HOOD-S", "39.5"]]);
    expect(skus[0]!.product.platformUpdatedAt.getTime()).toBe(changedAt * 1000);

    const mark = await sandboxLogMark();
    expect(await applyTikTokProductEvent({ connectionId: shop.connectionId, productId: product.id, updateTime: importedAt })).toBe("stale");
    expect(await sandboxShopCalls({ after: mark, shopId: shop.shopId })).toEqual([]);

    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product.id}/delete`);
    expect(await applyTikTokProductEvent({ connectionId: shop.connectionId, productId: product.id, updateTime: await updateTime() })).toBe("deleted");
    const deleted = await testDb.tikTokProduct.findFirstOrThrow({ where: { connectionId: shop.connectionId, externalId: product.id }, include: { skus: true } });
    expect([deleted.status, deleted.deletedAt !== null, deleted.skus.length]).toEqual(["DELETED", true, 3]);
  });

  it("drops SKUs that left the product unless a mapping still points at them", async () => {
    const { shop, shopify, connection, product, edit, updateTime, cachedSkus } = await setup();
    const [small, medium, large] = product.skus;
    const mappedSku = (await cachedSkus()).find((k) => k.externalId === medium!.id)!;
    const variantProduct = await testDb.shopifyProduct.create({
      data: { organizationId: connection.organizationId, connectionId: shopify.connectionId, externalId: "1", title: "Hoodie", status: "ACTIVE", platformUpdatedAt: new Date() },
    });
    const variant = await testDb.shopifyVariant.create({
      data: { organizationId: connection.organizationId, connectionId: shopify.connectionId, productId: variantProduct.id, externalId: "11", title: "M", options: [], price: "49.00", platformUpdatedAt: new Date() },
    });
    await testDb.mapping.create({
      data: { organizationId: connection.organizationId, tiktokConnectionId: shop.connectionId, shopifyConnectionId: shopify.connectionId, tiktokSkuId: mappedSku.id, shopifyVariantId: variant.id, rule: "MANUAL" },
    });

    await waitForNextSandboxSecond(await sandboxSecond());
    await edit(partialEdit, { skus: [{ id: large!.id }] });
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product.id}/review`, { approve: true });

    expect(await applyTikTokProductEvent({ connectionId: shop.connectionId, productId: product.id, updateTime: await updateTime() })).toBe("written");
    const left = await cachedSkus();
    expect(left.map((k) => k.externalId).sort()).toEqual([medium!.id, large!.id].sort());
    expect(left.some((k) => k.externalId === small!.id)).toBe(false);
  });

  it("creates a product it has never seen (PRODUCT_CREATION)", async () => {
    const { shop } = await setup();
    const [fresh] = await seedSandboxProducts({ shopId: shop.shopId, products: [{ title: "Cap", skus: [{ sellerSku: " CAP-01 ", price: "12", quantity: 4, barcode: "0306406152" }] }] });
    expect(await applyTikTokProductEvent({ connectionId: shop.connectionId, productId: fresh!.id })).toBe("written");
    const sku = await testDb.tikTokSku.findFirstOrThrow({ where: { connectionId: shop.connectionId, externalId: fresh!.skus[0]!.id } });
    expect([sku.sellerSkuNormalized, sku.identifierCode, sku.identifierType, sku.price.toString(), sku.inventoryQuantity]).toEqual(["cap-01", "0306406152", "ISBN", "12", 4]);
  });
});
