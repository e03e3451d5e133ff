import { db } from "../../db";
import { readStoredSections } from "../../settings/read-settings";

export const PREVIEW_PAGE = 50;

export interface PreviewProduct {
  tiktokProductId: string;
  /** Mapping previews: the SKU pairs as they will be after "Map" (TikTok SKU id → Shopify variant numeric id). */
  pairs?: { tiktokSkuId: string; shopifyVariantId: string; shopifyProductId: string }[];
}

/** The shops a preview covers: one shop, or every active shop that inherits the organization's product sync settings. */
export async function previewShops({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string | null }): Promise<string[]> {
  if (tiktokConnectionId) return [tiktokConnectionId];
  const shops = await db().connection.findMany({ where: { organizationId, platform: "TIKTOK", status: "ACTIVE" }, select: { id: true, shopSettings: { select: { settings: true } } }, orderBy: { id: "asc" } });
  return shops.filter((s) => readStoredSections(s.shopSettings?.settings).productSync === undefined).map((s) => s.id);
}

/** One page (keyset by product id) of mapped products in the preview's shops. */
export async function mappedProductsPage({ organizationId, shopIds, after }: { organizationId: string; shopIds: string[]; after: string | null }): Promise<string[]> {
  const rows = await db().tikTokProduct.findMany({
    where: { organizationId, connectionId: { in: shopIds }, deletedAt: null, skus: { some: { mapping: { status: "ACTIVE" } } }, ...(after ? { id: { gt: after } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
    take: PREVIEW_PAGE,
  });
  return rows.map((r) => r.id);
}

/** A mapping preview's products, with the pairs "Map" would create added to the ones they already have. */
export async function mappingPreviewProducts({ organizationId, rows }: { organizationId: string; rows: { tiktokSkuId: string; shopifyVariantId: string }[] }): Promise<PreviewProduct[]> {
  const skus = await db().tikTokSku.findMany({ where: { organizationId, id: { in: rows.map((r) => r.tiktokSkuId) } }, select: { id: true, externalId: true, productId: true } });
  const variants = await db().shopifyVariant.findMany({ where: { organizationId, id: { in: rows.map((r) => r.shopifyVariantId) } }, select: { id: true, externalId: true, product: { select: { externalId: true } } } });
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const variantById = new Map(variants.map((v) => [v.id, v]));
  const byProduct = new Map<string, NonNullable<PreviewProduct["pairs"]>>();
  for (const row of rows) {
    const sku = skuById.get(row.tiktokSkuId);
    const variant = variantById.get(row.shopifyVariantId);
    if (!sku || !variant) continue;
    const list = byProduct.get(sku.productId) ?? byProduct.set(sku.productId, []).get(sku.productId)!;
    list.push({ tiktokSkuId: sku.externalId, shopifyVariantId: variant.externalId, shopifyProductId: variant.product.externalId });
  }
  return [...byProduct.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tiktokProductId, pairs]) => ({ tiktokProductId, pairs }));
}
