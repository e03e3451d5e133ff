// Image sync against the sandbox: Shopify's images are uploaded to TikTok once each (Upload Product Image), then
// written as main_images through Partial Edit, only when the list of images changed.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { sandboxControl } from "../testing/sandbox-browser";
import { syncProduct } from "./sync-product";
import { enableAutoSync, pairedSandboxStores, sandboxImage, sandboxProduct, sandboxWrites, seedMappedProducts, type KitProduct } from "./sync-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const PARTIAL_EDIT = "POST /product/202509/products/{product_id}/partial_edit";
const UPLOAD = "/product/202309/images/upload";
const IMAGES_ONLY = { fields: { title: false, description: false, images: true, price: false, inventory: false } };

async function setup(product: KitProduct, settings: Record<string, unknown> = IMAGES_ONLY) {
  const stores = await pairedSandboxStores();
  const shop = stores.tiktok.shops[0]!;
  const [mapped] = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: [product] });
  await enableAutoSync({ organizationId: stores.org.organizationId, tiktokConnectionId: shop.connectionId, settings });
  const sync = () => syncProduct({ organizationId: stores.org.organizationId, tiktokProductId: mapped!.tiktokProductId, reason: "sync-now" });
  const approve = () => sandboxControl("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products/${mapped!.externalId}/review`, { approve: true });
  return { ...stores, shop, product: mapped!, sync, approve };
}

/** Upload calls the sandbox has answered so far (its request log's running count per route). */
async function logSeq(): Promise<number> {
  const { counts } = await sandboxControl<{ counts: { byRoute: Record<string, number> } }>("GET", "/__sandbox/requests?after=0&limit=1");
  return counts.byRoute[`tiktok POST ${UPLOAD}`] ?? 0;
}

async function uploadsSince(before: number): Promise<number> {
  return (await logSeq()) - before;
}

const tee = (images: string[]): KitProduct => ({ title: "Tee", description: "<p>Cotton</p>", images, variants: [{ sku: "IMG-TEE", price: "20.00", quantity: 3 }], tiktok: { images: ["https://img.example/old.jpg"] } });

describe("image sync", () => {
  it("uploads each Shopify image once and writes main_images only when the list changed", async () => {
    const { shop, shopify, product, sync, approve } = await setup(tee([sandboxImage("tee-front"), sandboxImage("tee-back")]));
    const start = await logSeq();
    const first = await sync();
    expect(first).toMatchObject({ status: "SYNCED", writes: [{ endpoint: "content", fields: ["main_images"] }] });
    expect(await uploadsSince(start)).toBe(2);
    const listing = await sandboxProduct(shop.shopId, product.externalId);
    const pending = listing.underReview!.version.main_images;
    expect(pending).toHaveLength(2);
    expect(listing.underReview!.changedFields).toEqual(["main_images"]);
    const cached = await testDb.tikTokImageUpload.findMany({ orderBy: { createdAt: "asc" } });
    expect(cached.map((c) => [c.sourceUrl, c.uri])).toEqual([[sandboxImage("tee-front"), pending[0]!.uri], [sandboxImage("tee-back"), pending[1]!.uri]]);
    // the uploaded file is Shopify's: the TikTok url serves the same bytes
    const [fromShopify, fromTikTok] = await Promise.all([fetch(sandboxImage("tee-front")), fetch(pending[0]!.urls[0]!)]);
    expect(Buffer.from(await fromTikTok.arrayBuffer()).equals(Buffer.from(await fromShopify.arrayBuffer()))).toBe(true);

    // nothing changed: no upload, no write (while under review, and after it passed)
    const second = await logSeq();
    expect(await sync()).toMatchObject({ status: "SYNCED", writes: [] });
    await approve();
    expect(await sync()).toMatchObject({ status: "SYNCED", writes: [] });
    expect(await uploadsSince(second)).toBe(0);

    // Shopify reorders and adds an image: only the new one is uploaded, the list is written in Shopify's order
    await sandboxControl("PATCH", `/__sandbox/shopify/shops/${shopify.domain}/products/${product.shopifyProductId}`, { images: [sandboxImage("tee-back"), sandboxImage("tee-side"), sandboxImage("tee-front")] });
    const third = await logSeq();
    expect(await sync()).toMatchObject({ status: "SYNCED", writes: [{ endpoint: "content", fields: ["main_images"] }] });
    expect(await uploadsSince(third)).toBe(1);
    const after = (await sandboxProduct(shop.shopId, product.externalId)).underReview!.version.main_images;
    expect(after.map((i) => i.uri)).toEqual([pending[1]!.uri, expect.any(String), pending[0]!.uri]);
    expect(await sandboxWrites(shop.shopId, product.externalId)).toEqual([PARTIAL_EDIT, "review approved", PARTIAL_EDIT]);
  });

  it("leaves images alone when the switch is off, and never blanks TikTok's when Shopify has none", async () => {
    const off = await setup(tee([sandboxImage("off-1")]), { fields: { title: false, description: false, images: false, price: false, inventory: false } });
    expect(await off.sync()).toMatchObject({ status: "SYNCED", writes: [] });
    await resetDatabase();
    const none = await setup(tee([]));
    expect(await none.sync()).toMatchObject({ status: "SYNCED", writes: [] });
    expect((await sandboxProduct(none.shop.shopId, none.product.externalId)).main_images).toHaveLength(1);
  });

  it("writes at most 9 images, and leaves out an image TikTok refuses without uploading it again", async () => {
    const images = [sandboxImage("small", "200x200"), ...Array.from({ length: 10 }, (_, i) => sandboxImage(`many-${i}`))];
    const { shop, product, sync, approve } = await setup(tee(images));
    const start = await logSeq();
    expect(await sync()).toMatchObject({ status: "PARTIAL", writes: [{ endpoint: "content", fields: ["main_images"] }] });
    expect(await uploadsSince(start)).toBe(9);
    const state = await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } });
    expect(state.lastError).toContain("Shopify image 1 is left out: TikTok refused it (12038014)");
    expect((await sandboxProduct(shop.shopId, product.externalId)).underReview!.version.main_images).toHaveLength(8);
    await approve();
    // the refused image is not tried again; the next Shopify image takes its place
    const second = await logSeq();
    expect(await sync()).toMatchObject({ status: "PARTIAL", writes: [{ endpoint: "content", fields: ["main_images"] }] });
    expect(await uploadsSince(second)).toBe(1);
    expect((await sandboxProduct(shop.shopId, product.externalId)).underReview!.version.main_images).toHaveLength(9);
    expect(await sync()).toMatchObject({ status: "PARTIAL", writes: [] });
    expect(await uploadsSince(second)).toBe(1);
  });

  it("writes the other content and reports the image when Shopify's file cannot be had", async () => {
    const missing = sandboxImage("gone").replace("/images/800x800/", "/images/none/");
    const { shop, product, sync } = await setup(tee([missing]), { fields: { title: true, description: false, images: true, price: false, inventory: false } });
    await sandboxControl("PATCH", `/__sandbox/shopify/shops/${(await testDb.connection.findFirstOrThrow({ where: { platform: "SHOPIFY" } })).externalId}/products/${product.shopifyProductId}`, { title: "Tee v2" });
    const outcome = await sync();
    expect(outcome).toMatchObject({ status: "PARTIAL", writes: [{ endpoint: "content", fields: ["title"] }] });
    const listing = await sandboxProduct(shop.shopId, product.externalId);
    expect(listing.underReview!.changedFields).toEqual(["title"]);
    const state = await testDb.productSyncState.findUniqueOrThrow({ where: { tiktokProductId: product.tiktokProductId } });
    expect(state.lastError).toContain("Shopify image 1 was not sent to TikTok: Shopify's image CDN answered HTTP 404");
    expect(await testDb.tikTokImageUpload.count()).toBe(0);
  });
});
