import type { TikTokListing } from "../listing";
import type { GlobalProductContent, ProductContent } from "./endpoints";

export function localListing(p: ProductContent, currency: string): TikTokListing {
  return {
    id: p.id,
    status: p.status,
    title: p.title,
    description: p.description,
    mainImages: p.main_images.map((i) => ({ uri: i.uri, urls: i.urls })),
    auditStatus: p.audit?.status ?? null,
    globalProductId: p.global_product_association?.global_product_id ?? null,
    skus: p.skus.map((k) => ({
      id: k.id,
      sellerSku: k.seller_sku ?? null,
      price: k.price?.sale_price ?? null,
      currency: k.price?.currency ?? currency,
      listPrice: k.list_price?.amount ?? null,
      inventory: k.inventory.map((w) => ({ warehouseId: w.warehouse_id, quantity: w.quantity })),
    })),
  };
}

/** A global product as a listing: its content only (price and stock are written per market). */
export function globalListing(g: GlobalProductContent): TikTokListing {
  return {
    id: g.id,
    status: g.status,
    title: g.title,
    description: g.description,
    mainImages: g.main_images.map((i) => ({ uri: i.uri, urls: i.urls })),
    auditStatus: null,
    globalProductId: g.id,
    skus: g.skus.map((k) => ({ id: k.id, sellerSku: k.seller_sku ?? null, price: k.price?.amount ?? null, currency: k.price?.currency ?? "USD", listPrice: null, inventory: [] })),
  };
}
