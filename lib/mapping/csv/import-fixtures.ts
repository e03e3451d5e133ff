import type { Db } from "../../db";
import { pairedStores, shopifyProduct, tiktokProduct } from "../catalog-fixtures";

// Test fixtures for the CSV import and export: one organization's catalog with every awkward case,
// and a second organization whose ids must never resolve.

export async function csvCatalog(client: Db) {
  const stores = await pairedStores(client);
  const other = await pairedStores(client);
  const shopify = async (title: string, sku: string) => (await shopifyProduct(client, stores, { title, variants: [{ sku }] })).variants[0]!;
  const tiktok = async (title: string, sellerSku: string) => (await tiktokProduct(client, stores, { title, skus: [{ sellerSku }] })).skus[0]!;
  const v = {
    teeS: await shopify("Tee S", "TEE-S"),
    teeM: await shopify("Tee M", "TEE-M"),
    dupA: await shopify("Dup A", "DUP"),
    dupB: await shopify("Dup B", "DUP"),
    gone: await shopify("Gone", "GONE"),
    held: await shopify("Held", "HELD"),
    free1: await shopify("=Free 1, \"quoted\"", "FREE-1"),
    free2: await shopify("Free 2", "FREE-2"),
  };
  await client.shopifyVariant.update({ where: { id: v.gone.id }, data: { deletedAt: new Date() } });
  const s = {
    teeS: await tiktok("Tee", "TEE-S"),
    teeM: await tiktok("Tee", "TEE-M"),
    twinA: await tiktok("Twin A", "TWIN"),
    twinB: await tiktok("Twin B", "TWIN"),
    holder: await tiktok("Holder", "HOLDER"),
    plain1: await tiktok("Plain", "PLAIN-1"),
    plain2: await tiktok("Plain", "PLAIN-2"),
    deleted: await tiktok("Deleted", "DELETED"),
  };
  await client.tikTokProduct.update({ where: { id: s.deleted.productId }, data: { deletedAt: new Date(), status: "DELETED" } });
  const mapping = (sku: { id: string }, variant: { id: string }, owner = stores) =>
    client.mapping.create({
      data: { organizationId: owner.organizationId, tiktokConnectionId: owner.tiktokConnectionId, shopifyConnectionId: owner.shopifyConnectionId, tiktokSkuId: sku.id, shopifyVariantId: variant.id, rule: "EXACT_SKU" },
    });
  await mapping(s.holder, v.held);
  const foreignVariant = (await shopifyProduct(client, other, { title: "Foreign secret", variants: [{ sku: "TEE-S" }] })).variants[0]!;
  const foreignSku = (await tiktokProduct(client, other, { title: "Foreign secret", skus: [{ sellerSku: "TEE-S" }] })).skus[0]!;
  await mapping(foreignSku, foreignVariant, other);
  const org = { ...stores.org, organizationSlug: "x", organizationName: "x", role: "OWNER" as const };
  return { stores, other, org, v, s, foreignVariant, foreignSku };
}

export type CsvCatalog = Awaited<ReturnType<typeof csvCatalog>>;
