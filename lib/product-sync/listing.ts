// The shapes product sync reasons about, independent of the platforms' wire formats.

/** A TikTok listing (a local product, or a cross-border global product) as TikTok holds it now. */
export interface TikTokListing {
  /** TikTok's product id (or global product id). */
  id: string;
  status: string;
  title: string;
  description: string;
  mainImages: { uri: string; urls: string[] }[];
  skus: TikTokListingSku[];
  /** TikTok's review of the latest content edit (AUDITING, APPROVED, FAILED, NONE). */
  auditStatus: string | null;
  globalProductId: string | null;
}

export interface TikTokListingSku {
  id: string;
  sellerSku: string | null;
  price: string | null;
  currency: string;
  listPrice: string | null;
  inventory: { warehouseId: string; quantity: number }[];
}

/** One Shopify product, read fresh from Shopify when a sync runs (Shopify is the source of truth). */
export interface ShopifySource {
  /** Shopify's gid. */
  id: string;
  title: string;
  descriptionHtml: string;
  /** The product's images in Shopify's order (at most SYNC_IMAGES are read). */
  images: ShopifySourceImage[];
  currency: string;
  variants: ShopifySourceVariant[];
}

export interface ShopifySourceImage {
  url: string;
  width: number | null;
  height: number | null;
}

export interface ShopifySourceVariant {
  /** Shopify's gid. */
  id: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  levels: { locationId: string; available: number }[];
}

/** What the settings ask TikTok to hold, field by field; a field left out is not synced. */
export interface DesiredListing {
  title?: string;
  description?: string;
  /** TikTok's main images, in order: each Shopify image with the uri it was uploaded as (null: not uploaded yet). */
  mainImages?: DesiredImage[];
  skus: { id: string; sellerSku: string | null; price?: { price: string; listPrice: string | null }; inventory?: { warehouseId: string; quantity: number }[] }[];
  /** Why a field or SKU is not synced (a missing exchange rate, a title too long, a variant not read). */
  problems: SyncProblem[];
}

export interface DesiredImage {
  sourceUrl: string;
  uri: string | null;
}

export interface SyncProblem {
  field: SyncField;
  tiktokSkuId?: string;
  sellerSku?: string | null;
  message: string;
}

export type SyncField = "title" | "description" | "images" | "price" | "listPrice" | "inventory";

/** One field of one product (or SKU) that a sync would change: what the overwrite preview shows. */
export interface FieldChange {
  field: SyncField;
  /** The TikTok SKU's seller SKU (or id) for SKU fields. */
  sku?: string;
  current: string;
  next: string;
}
