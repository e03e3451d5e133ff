import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import { hasContentOverride, loadOverrides } from "../product-edit/load-overrides";
import type { ListingOverrides } from "../product-edit/override-input";
import { buildDesiredListing } from "./desired-listing";
import { withCachedUris } from "./images/image-cache";
import { diffListing, type SyncPlan } from "./diff";
import type { DesiredListing, FieldChange, ShopifySource, SyncProblem, TikTokListing } from "./listing";
import type { SyncTarget } from "./load-sync-target";
import { readShopifySource } from "./shopify/read-source";
import { readGlobalListing, readLocalListing } from "./tiktok/listing-api";

export interface GlobalPart {
  globalProductId: string;
  listing: TikTokListing;
  plan: SyncPlan;
  /** The local products published from it, in every market. */
  localProductIds: string[];
}

export interface ProductSyncPlan {
  local: { listing: TikTokListing; desired: DesiredListing; plan: SyncPlan };
  /** Cross-border: the global product's content, which Shopify overrides for every market. */
  global: GlobalPart | null;
  problems: SyncProblem[];
  changes: FieldChange[];
}

export interface PlanProductSyncOptions {
  target: SyncTarget;
  settings: ProductSyncSettings;
  /** The editor's overrides; read from the database when not given, so every sync applies them. */
  overrides?: ListingOverrides;
}

/**
 * Reads TikTok's listing and the mapped Shopify products now and works out the writes. Nothing is written:
 * the overwrite preview shows this plan, and a sync pushes it.
 */
export async function planProductSync({ target, settings, overrides: given }: PlanProductSyncOptions): Promise<ProductSyncPlan> {
  const overrides = given ?? (await loadOverrides({ organizationId: target.organizationId, tiktokProductId: target.product.id }));
  const listing = await readLocalListing({ shop: target.tiktok, productId: target.product.externalId });
  // The connection's currency is read at connect time; TikTok's own answer is the truth when it is missing.
  if (!target.tiktok.currency) target.tiktok.currency = listing.skus.find((s) => s.currency)?.currency ?? "";
  const sources = await readSources(target);
  const market = { currency: target.tiktok.currency, region: target.tiktok.region };
  const globalProductId = target.tiktok.crossBorder ? (listing.globalProductId ?? target.product.globalProductId) : null;
  // Cross-border content overrides go to the global product, unless the member chose this market's product only.
  const localContent = !globalProductId || overrides.scope === "local";
  const content = settings.fields.title || settings.fields.description || settings.fields.images || (hasContentOverride(overrides) && !localContent);
  const withoutContent = { ...overrides, title: undefined, description: undefined, images: undefined };

  const localDesired = await withUploadedImages(
    target,
    buildDesiredListing({ listing, pairs: target.pairs, sources, settings, market, content: !globalProductId, skuFields: true, overrides: localContent ? overrides : withoutContent }),
  );
  const local = { listing, desired: localDesired, plan: diffListing({ current: listing, desired: localDesired }) };
  const problems = [...localDesired.problems];
  let global: GlobalPart | null = null;
  if (globalProductId && content) {
    const read = await readGlobalListing({ credentialId: target.tiktok.credentialId, globalProductId });
    const desired = await withUploadedImages(
      target,
      buildDesiredListing({ listing: read.listing, pairs: target.pairs, sources, settings, market, content: true, skuFields: false, overrides: localContent ? withoutContent : { ...overrides, prices: {}, allocation: {} } }),
    );
    global = { globalProductId, listing: read.listing, plan: diffListing({ current: read.listing, desired }), localProductIds: read.localProductIds };
    problems.push(...desired.problems);
  }
  return { local, global, problems, changes: [...(global?.plan.changes ?? []), ...local.plan.changes] };
}

/** Shopify images already uploaded to this seller's TikTok carry their uri, so an unchanged image list writes nothing. */
async function withUploadedImages(target: SyncTarget, desired: DesiredListing): Promise<DesiredListing> {
  return withCachedUris({ organizationId: target.organizationId, credentialId: target.tiktok.credentialId, desired });
}

async function readSources(target: SyncTarget): Promise<ShopifySource[]> {
  const ids = [...new Set(target.pairs.map((p) => p.shopifyProductId))];
  const sources: ShopifySource[] = [];
  for (const productId of ids) {
    const source = await readShopifySource({ store: { credentialId: target.shopify.credentialId, shop: target.shopify.shop }, productId });
    if (source) sources.push(source);
  }
  return sources;
}
