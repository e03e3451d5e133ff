import type { z } from "zod";
import {
  authorizedShopsDataSchema,
  emptyDataSchema,
  searchGlobalProductsDataSchema,
  searchProductsDataSchema,
  shopWebhooksDataSchema,
  tiktokGlobalProductDetailSchema,
  tiktokProductDetailSchema,
} from "./schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Whether `shop_cipher` goes in the query. TikTok refuses it where it is not expected (36009004) and asks for it
 * where it is (106013): it is forbidden on /authorization/*, /seller/*, global product endpoints and uploads.
 */
export type ShopCipherRule = "required" | "optional" | "forbidden";

export interface TikTokEndpoint<S extends z.ZodType> {
  method: HttpMethod;
  /** The documented path with its version pinned, `{name}` for path parameters. */
  path: string;
  shopCipher: ShopCipherRule;
  /** Schema of the envelope's `data`. */
  data: S;
  /**
   * Safe to send again after a timeout or an internal error (reads, and writes that set absolute values).
   * Defaults to true for GET, PUT and DELETE. Rate-limited calls are always retried: TikTok refused them unread.
   */
  idempotent?: boolean;
}

export function defineEndpoint<S extends z.ZodType>(endpoint: TikTokEndpoint<S>): TikTokEndpoint<S> {
  return endpoint;
}

export function isIdempotent(endpoint: TikTokEndpoint<z.ZodType>): boolean {
  return endpoint.idempotent ?? endpoint.method !== "POST";
}

/** `/product/202309/products/{product_id}` + `{product_id: "1"}` → `/product/202309/products/1`. */
export function fillPath({ template, params = {} }: { template: string; params?: Record<string, string> }): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new Error(`TikTok path parameter ${name} is missing for ${template}`);
    return encodeURIComponent(value);
  });
}

// Versions as the spec files document them (the newest); a new version is a change here and nowhere else.
export const TIKTOK_ENDPOINTS = {
  getAuthorizedShops: defineEndpoint({ method: "GET", path: "/authorization/202309/shops", shopCipher: "forbidden", data: authorizedShopsDataSchema }),
  getShopWebhooks: defineEndpoint({ method: "GET", path: "/event/202309/webhooks", shopCipher: "required", data: shopWebhooksDataSchema }),
  updateShopWebhook: defineEndpoint({ method: "PUT", path: "/event/202309/webhooks", shopCipher: "required", data: emptyDataSchema }),
  deleteShopWebhook: defineEndpoint({ method: "DELETE", path: "/event/202309/webhooks", shopCipher: "required", data: emptyDataSchema }),
  // Searches are POST but only read: safe to send again.
  searchProducts: defineEndpoint({ method: "POST", path: "/product/202502/products/search", shopCipher: "required", data: searchProductsDataSchema, idempotent: true }),
  getProduct: defineEndpoint({ method: "GET", path: "/product/202309/products/{product_id}", shopCipher: "required", data: tiktokProductDetailSchema }),
  searchGlobalProducts: defineEndpoint({ method: "POST", path: "/product/202312/global_products/search", shopCipher: "forbidden", data: searchGlobalProductsDataSchema, idempotent: true }),
  getGlobalProduct: defineEndpoint({ method: "GET", path: "/product/202309/global_products/{global_product_id}", shopCipher: "forbidden", data: tiktokGlobalProductDetailSchema }),
};
