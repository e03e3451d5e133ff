import { getShopSettings } from "../settings/get-shop-settings";
import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import type { ShopifySource } from "../product-sync/listing";
import { loadSyncTarget, type SyncTarget } from "../product-sync/load-sync-target";
import { readShopifySource } from "../product-sync/shopify/read-source";
import { loadOverrides } from "./load-overrides";
import type { ListingOverrides } from "./override-input";
import type { OverrideContext } from "./validate-overrides";

export interface EditorContext {
  target: SyncTarget;
  sources: ShopifySource[];
  saved: ListingOverrides;
  settings: ProductSyncSettings;
  limits: OverrideContext;
}

/** One mapped listing as the editor needs it: the sync target, its Shopify products read now, saved overrides. */
export async function loadEditor({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }): Promise<EditorContext> {
  const target = await loadSyncTarget({ organizationId, tiktokProductId });
  const sources: ShopifySource[] = [];
  for (const productId of [...new Set(target.pairs.map((p) => p.shopifyProductId))]) {
    const source = await readShopifySource({ store: { credentialId: target.shopify.credentialId, shop: target.shopify.shop }, productId });
    if (source) sources.push(source);
  }
  const [saved, shopSettings] = await Promise.all([loadOverrides({ organizationId, tiktokProductId }), getShopSettings({ organizationId, tiktokConnectionId: target.tiktok.connectionId })]);
  const limits: OverrideContext = {
    region: target.tiktok.region,
    currency: target.tiktok.currency || sources[0]?.currency || "USD",
    shopifyImages: sources.flatMap((s) => s.images.map((i) => i.url)),
    skuIds: target.pairs.map((p) => p.tiktokSkuId),
  };
  return { target, sources, saved, settings: shopSettings.productSync, limits };
}
