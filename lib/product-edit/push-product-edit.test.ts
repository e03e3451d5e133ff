// The product editor against the sandbox: preview, save and push the overrides through product sync's own path,
// and the overrides surviving the next Shopify-triggered sync.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { isAppError } from "../errors";
import { syncProduct } from "../product-sync/sync-product";
import { enableAutoSync, pairedSandboxStores, sandboxImage, sandboxProduct, sandboxWrites, seedMappedProducts, type KitProduct } from "../product-sync/sync-test-kit";
import { newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { bulkEditProducts, bulkEditSchema } from "./bulk-edit";
import { getProductEditor } from "./get-product-editor";
import { pushEditSchema, pushProductEdit, type PushEditInput } from "./push-product-edit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const PARTIAL_EDIT = "POST /product/202509/products/{product_id}/partial_edit";
const PRICE = "POST /product/202309/products/{product_id}/prices/update";
const INVENTORY = "POST /product/202309/products/{product_id}/inventory/update";

const tee = (sku = "ED-TEE"): KitProduct => ({
  title: "Classic Tee",
  description: "<p>Cotton</p>",
  images: [sandboxImage(`${sku}-a`), sandboxImage(`${sku}-b`)],
  variants: [
    { sku: `${sku}-S`, price: "20.00", quantity: 10 },
    { sku: `${sku}-M`, price: "20.00", quantity: 10 },
  ],
});

async function setup(products: KitProduct[] = [tee()]) {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const mapped = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products });
  // Auto-sync on with every field: the Shopify-driven sync must keep the overrides.
  await enableAutoSync({ organizationId: stores.org.organizationId, tiktokConnectionId: shop.connectionId, settings: { fields: { title: true, description: true, images: true, price: true, inventory: true } } });
  const product = mapped[0]!;
  const listing = await sandboxProduct(shop.shopId, product.externalId);
  return { ...stores, shop, mapped, product, skus: listing.skus.map((s) => s.id) };
}

const edit = (org: Awaited<ReturnType<typeof setup>>["org"], tiktokProductId: string, input: Record<string, unknown>) => pushProductEdit({ org, tiktokProductId, input: pushEditSchema.parse(input) as PushEditInput });

describe("product editor", () => {
  it("previews, pushes only what changed, and the overrides survive the next Shopify-triggered sync", async () => {
    const { org, shop, shopify, product, skus } = await setup();
    const overrides = {
      title: "TikTok Tee",
      images: [sandboxImage("ED-TEE-b"), sandboxImage("ED-TEE-a")],
      prices: [{ tiktokSkuId: skus[0]!, amount: "17.00" }],
      allocation: [{ tiktokSkuId: skus[1]!, allocatePercent: 50 }],
    };
    const preview = await edit(org, product.tiktokProductId, { overrides, dryRun: true });
    expect(preview.pushed).toBeNull();
    expect(preview.preview.changes.map((c) => c.field)).toEqual(["title", "images", "price", "inventory"]);
    expect(preview.preview.changes[0]).toEqual({ field: "title", current: "Classic Tee", next: "TikTok Tee" });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([]);
    expect(await testDb.productOverride.count()).toBe(0);

    const pushed = await edit(org, product.tiktokProductId, { overrides });
    expect(pushed.pushed).toMatchObject({ status: "SYNCED" });
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([PARTIAL_EDIT, PRICE, INVENTORY]);
    let listing = await sandboxProduct(shop.shopId, product.externalId);
    expect(listing.underReview!.changedFields.sort()).toEqual(["main_images", "title"]);
    expect(listing.underReview!.version.title).toBe("TikTok Tee");
    expect(listing.skus.map((s) => [s.price.sale_price, s.inventory[0]!.quantity])).toEqual([["17.00", 10], ["20.00", 5]]);
    expect(await testDb.productOverride.count()).toBe(4);
    expect(await testDb.activityEntry.findFirstOrThrow({ where: { type: "product_edit.pushed" } })).toMatchObject({ subjectId: product.tiktokProductId, message: expect.stringContaining("title, images, price, stock pushed from the product editor") });
    expect(await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } })).toMatchObject({ status: "SYNCED", reviewStatus: "AUDITING" });
    await sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${product.externalId}/review`, { approve: true });

    // Shopify changes title, price and stock; the sync writes only what no override holds
    await sandboxControl("PATCH", `/__sandbox/shopify/shops/${shopify.domain}/products/${product.shopifyProductId}`, { title: "Classic Tee v2", descriptionHtml: "<p>Organic cotton</p>", variants: [{ sku: "ED-TEE-S", price: "22.00" }, { sku: "ED-TEE-M", price: "23.00" }] });
    await sandboxControl("POST", `/__sandbox/shopify/shops/${shopify.domain}/inventory`, { sku: "ED-TEE-M", available: 8 });
    const synced = await syncProduct({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId, reason: "shopify-change" });
    expect(synced).toMatchObject({ status: "SYNCED" });
    listing = await sandboxProduct(shop.shopId, product.externalId);
    expect(listing.underReview!.version.title).toBe("TikTok Tee");
    expect(listing.underReview!.changedFields).toEqual(["description"]);
    expect(listing.skus.map((s) => [s.price.sale_price, s.inventory[0]!.quantity])).toEqual([["17.00", 10], ["23.00", 4]]);

    // "Use Shopify's value": the title goes back to Shopify's at once, the other overrides stay
    const cleared = await edit(org, product.tiktokProductId, { overrides: { title: null } });
    expect(cleared.preview.changes).toEqual([{ field: "title", current: "TikTok Tee", next: "Classic Tee v2" }]);
    expect((await sandboxProduct(shop.shopId, product.externalId)).underReview!.version.title).toBe("Classic Tee v2");
    expect(await testDb.productOverride.count()).toBe(3);
    const page = await getProductEditor({ organizationId: org.organizationId, tiktokProductId: product.tiktokProductId });
    expect(page.overrides.title).toBeUndefined();
    expect(page.overrides).toMatchObject({ images: [sandboxImage("ED-TEE-b"), sandboxImage("ED-TEE-a")], prices: { [skus[0]!]: "17.00" }, allocation: { [skus[1]!]: 50 } });
    expect(page.shopify.products[0]!.images).toEqual([sandboxImage("ED-TEE-a"), sandboxImage("ED-TEE-b")]);
  });

  it("refuses values over TikTok's limits with every problem, and saves and writes nothing", async () => {
    const { org, shop, product, skus } = await setup();
    const error = await edit(org, product.tiktokProductId, { overrides: { title: "x".repeat(256), images: ["https://evil.test/a.png"], prices: [{ tiktokSkuId: skus[0]!, amount: "1.999" }] } }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("BAD_REQUEST");
    expect(isAppError(error) && (error.details as { field: string }[]).map((d) => d.field)).toEqual(["title", "images", "price"]);
    expect(await testDb.productOverride.count()).toBe(0);
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([]);
  });

  it("another organization's product is not found", async () => {
    const { product } = await setup();
    const other = await newOrganization("Other");
    await expect(edit(other, product.tiktokProductId, { overrides: { title: "Mine" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProductEditor({ organizationId: other.organizationId, tiktokProductId: product.tiktokProductId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bulkEditProducts({ org: other, input: bulkEditSchema.parse({ tiktokProductIds: [product.tiktokProductId], titlePrefix: "X " }) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("bulk edit: a title prefix and a price exception on a selection, previewed then pushed", async () => {
    const { org, shop, mapped } = await setup([tee("BK-A"), tee("BK-B")]);
    const ids = mapped.map((m) => m.tiktokProductId);
    const input = { tiktokProductIds: ids, titlePrefix: "SALE ", percentMarkup: "-10" };
    const preview = await bulkEditProducts({ org, input: bulkEditSchema.parse({ ...input, dryRun: true }) });
    expect(preview.rows.map((r) => r.preview!.changes.map((c) => `${c.field}:${c.next}`))).toEqual([
      ["title:SALE Classic Tee", "price:18.00 USD", "price:18.00 USD"],
      ["title:SALE Classic Tee", "price:18.00 USD", "price:18.00 USD"],
    ]);
    expect(await testDb.productOverride.count()).toBe(0);
    const applied = await bulkEditProducts({ org, input: bulkEditSchema.parse(input) });
    expect(applied.rows.map((r) => [r.status, r.error])).toEqual([["SYNCED", null], ["SYNCED", null]]);
    for (const m of mapped) {
      const listing = await sandboxProduct(shop.shopId, m.externalId);
      expect(listing.underReview!.version.title).toBe("SALE Classic Tee");
      expect(listing.skus.map((s) => s.price.sale_price)).toEqual(["18.00", "18.00"]);
    }
    // applying again adds no second prefix and writes nothing
    const again = await bulkEditProducts({ org, input: bulkEditSchema.parse(input) });
    expect(again.rows.map((r) => r.status)).toEqual(["UNCHANGED", "UNCHANGED"]);
  });
});
