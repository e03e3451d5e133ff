import type { TikTokProductDetail, TikTokProductSku } from "../../platforms/tiktok/schemas";
import { normalizeSku } from "../normalize-sku";

export const DELETED_STATUS = "DELETED";

export interface ProductFields {
  externalId: string;
  title: string;
  status: string;
  globalProductId: string | null;
  imageUrl: string | null;
  platformUpdatedAt: Date;
}

export interface SkuFields {
  externalId: string;
  sellerSku: string | null;
  sellerSkuNormalized: string | null;
  globalSkuId: string | null;
  identifierCode: string | null;
  identifierType: string | null;
  options: { name: string; value: string }[];
  /** A decimal string, never a float. */
  price: string;
  currency: string;
  inventoryQuantity: number | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;

export function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function productFields(detail: TikTokProductDetail): ProductFields {
  const image = detail.main_images[0];
  return {
    externalId: detail.id,
    title: detail.title,
    status: detail.status,
    globalProductId: detail.global_product_association?.global_product_id || null,
    imageUrl: image?.urls[0] ?? image?.thumb_urls[0] ?? null,
    platformUpdatedAt: fromUnixSeconds(detail.update_time),
  };
}

export interface SkuFieldsOptions {
  detail: TikTokProductDetail;
  /** The shop's currency, for a SKU whose price carries none (a draft without a price). */
  fallbackCurrency: string;
}

export function skuFields({ detail, fallbackCurrency }: SkuFieldsOptions): SkuFields[] {
  const globalSkuIds = new Map((detail.global_product_association?.sku_mappings ?? []).map((m) => [m.local_sku_id, m.global_sku_id]));
  return detail.skus.map((sku) => ({
    externalId: sku.id,
    sellerSku: sku.seller_sku ?? null,
    sellerSkuNormalized: normalizeSku(sku.seller_sku),
    globalSkuId: globalSkuIds.get(sku.id) ?? null,
    identifierCode: sku.identifier_code?.code.trim() || null,
    identifierType: (sku.identifier_code?.code.trim() && sku.identifier_code.type) || null,
    options: sku.sales_attributes.map((a) => ({ name: a.name, value: a.value_name })),
    ...skuPrice({ sku, fallbackCurrency }),
    inventoryQuantity: sku.inventory ? sku.inventory.reduce((sum, w) => sum + w.quantity, 0) : null,
  }));
}

// sale_price is the display price for every seller; tax_exclusive_price is what a local seller's search shows.
// A SKU without a price (an unfinished draft) is stored at 0 rather than dropped, so it stays visible.
function skuPrice({ sku, fallbackCurrency }: { sku: TikTokProductSku; fallbackCurrency: string }): { price: string; currency: string } {
  const amount = [sku.price?.sale_price, sku.price?.tax_exclusive_price].find((p) => p !== undefined && DECIMAL.test(p.trim()));
  return { price: amount?.trim() ?? "0", currency: sku.price?.currency || fallbackCurrency };
}
