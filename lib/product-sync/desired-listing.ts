import type { ListingOverrides } from "../product-edit/override-input";
import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import { computeTikTokStock } from "./inventory-rules";
import type { DesiredListing, ShopifySource, ShopifySourceVariant, TikTokListing } from "./listing";
import { computeTikTokPrice } from "./price-rules";

// TikTok's title limit in the markets Ferry serves (DE, ES, FR, IE, IT, JP, UK, US: 1–255; BR, MX: 300).
const TITLE_MAX = 255;
// Partial Edit: main_images "Max count: 9", each 300x300 to 4000x4000 px (Upload Product Image, MAIN_IMAGE).
export const MAIN_IMAGES_MAX = 9;
export const MAIN_IMAGE_MIN_PX = 300;
export const MAIN_IMAGE_MAX_PX = 4000;

export interface BuildDesiredListingOptions {
  listing: TikTokListing;
  /** Mapped SKUs of this listing: TikTok SKU id → the Shopify variant's numeric id. */
  pairs: { tiktokSkuId: string; shopifyVariantId: string }[];
  /** The Shopify products those variants belong to, read from Shopify now. */
  sources: ShopifySource[];
  settings: ProductSyncSettings;
  market: { currency: string; region: string };
  /** Title and description: false for a cross-border local product, whose content comes from its global product. */
  content: boolean;
  /** Price and stock: false for a global product (they are written per market). */
  skuFields: boolean;
  /**
   * What a member set in the product editor: each wins over Shopify's value, whatever the field switches say. The
   * caller passes the content overrides only to the listing that carries them (global or local product).
   */
  overrides?: ListingOverrides;
}

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/** Pure: what TikTok should hold for one listing, by the pairing's settings. */
export function buildDesiredListing(options: BuildDesiredListingOptions): DesiredListing {
  const { listing, pairs, sources, settings, market } = options;
  const variants = new Map<string, { variant: ShopifySourceVariant; source: ShopifySource }>();
  for (const source of sources) for (const variant of source.variants) variants.set(numericId(variant.id), { variant, source });
  const desired: DesiredListing = { skus: [], problems: [] };

  const mapped = pairs.map((pair) => ({ pair, found: variants.get(numericId(pair.shopifyVariantId)) }));
  const products = new Set(mapped.flatMap((m) => (m.found ? [m.found.source.id] : [])));
  if (options.content && (settings.fields.title || settings.fields.description || settings.fields.images)) {
    if (products.size > 1) {
      desired.problems.push({ field: "title", message: "Its SKUs are mapped to variants of several Shopify products: title, description and images are not synced." });
    } else if (products.size === 1) {
      const source = sources.find((s) => products.has(s.id))!;
      if (settings.fields.title) {
        const title = source.title.trim();
        if (title.length === 0 || title.length > TITLE_MAX) desired.problems.push({ field: "title", message: `Shopify's title has ${title.length} characters; TikTok takes 1 to ${TITLE_MAX}.` });
        else desired.title = title;
      }
      // An empty Shopify description never blanks TikTok's: TikTok requires one.
      if (settings.fields.description && source.descriptionHtml.trim() !== "") desired.description = source.descriptionHtml;
      if (settings.fields.images) desiredImages({ source, desired });
    }
  }
  const o = options.overrides;
  if (o) applyContentOverrides({ overrides: o, sources, desired });
  const skuOverrides = !!o && (Object.keys(o.prices).length > 0 || Object.keys(o.allocation).length > 0);
  if (!options.skuFields || (!settings.fields.price && !settings.fields.inventory && !skuOverrides)) return desired;

  const tiktokSkus = new Map(listing.skus.map((sku) => [sku.id, sku]));
  for (const { pair, found } of mapped) {
    const sku = tiktokSkus.get(pair.tiktokSkuId);
    if (!sku) continue;
    if (!found) {
      desired.problems.push({ field: "price", tiktokSkuId: sku.id, sellerSku: sku.sellerSku, message: "Its Shopify variant no longer exists: map the SKU again." });
      continue;
    }
    const want: DesiredListing["skus"][number] = { id: sku.id, sellerSku: sku.sellerSku };
    const priceOverride = o?.prices[sku.id];
    const allocation = o?.allocation[sku.id];
    if (priceOverride !== undefined) want.price = { price: priceOverride, listPrice: null };
    else if (settings.fields.price) {
      const price = computeTikTokPrice({
        price: found.variant.price,
        compareAtPrice: found.variant.compareAtPrice,
        shopifyCurrency: found.source.currency,
        tiktokCurrency: market.currency,
        region: market.region,
        rules: settings.price,
      });
      if (price.ok) want.price = { price: price.price, listPrice: price.listPrice };
      else desired.problems.push({ field: "price", tiktokSkuId: sku.id, sellerSku: sku.sellerSku, message: price.reason });
    }
    if (settings.fields.inventory || allocation !== undefined) {
      const rules = allocation === undefined ? settings.inventory : { ...settings.inventory, allocatePercent: allocation };
      if (sku.inventory.length === 0) desired.problems.push({ field: "inventory", tiktokSkuId: sku.id, sellerSku: sku.sellerSku, message: "TikTok lists no warehouse for this SKU." });
      else want.inventory = computeTikTokStock({ levels: found.variant.levels, warehouses: sku.inventory, rules });
    }
    desired.skus.push(want);
  }
  return desired;
}

/** Shopify's images in order, those TikTok takes as main images (the diff writes the first 9); none (TikTok requires one): not synced. */
function desiredImages({ source, desired }: { source: ShopifySource; desired: DesiredListing }) {
  const fits = (side: number | null) => side === null || (side >= MAIN_IMAGE_MIN_PX && side <= MAIN_IMAGE_MAX_PX);
  const usable = source.images.filter((image) => fits(image.width) && fits(image.height));
  const refused = source.images.length - usable.length;
  if (refused > 0) {
    desired.problems.push({ field: "images", message: `${refused} Shopify image${refused === 1 ? " is" : "s are"} not between ${MAIN_IMAGE_MIN_PX} and ${MAIN_IMAGE_MAX_PX} px on each side, which TikTok requires: left out.` });
  }
  if (usable.length > 0) desired.mainImages = usable.map((image) => ({ sourceUrl: image.url, uri: null }));
}

/** Editor overrides replace what Shopify would set; chosen images still on Shopify keep their order. */
function applyContentOverrides({ overrides, sources, desired }: { overrides: ListingOverrides; sources: ShopifySource[]; desired: DesiredListing }) {
  const drop = (field: string) => (desired.problems = desired.problems.filter((p) => p.field !== field || p.tiktokSkuId !== undefined));
  if (overrides.title !== undefined) {
    desired.title = overrides.title;
    drop("title");
  }
  if (overrides.description !== undefined) desired.description = overrides.description;
  if (overrides.images !== undefined) {
    drop("images");
    const onShopify = new Set(sources.flatMap((s) => s.images.map((i) => i.url)));
    const chosen = overrides.images.filter((url) => onShopify.has(url));
    if (chosen.length > 0) desired.mainImages = chosen.map((url) => ({ sourceUrl: url, uri: null }));
    else desired.problems.push({ field: "images", message: "The images chosen for TikTok are no longer on the Shopify product: choose them again." });
  }
}
