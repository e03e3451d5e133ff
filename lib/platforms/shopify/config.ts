// The Shopify app's configuration, passed in by the caller (lib/env.ts owns the environment).
import { z } from "zod";
import { normalizeShopDomain } from "./shop-domain";

export const SHOPIFY_API_VERSION = "2026-10";

const SCOPE = /^(unauthenticated_)?(read|write)_[a-z_]+$/;

/**
 * `adminBaseUrl` is the template of a shop's admin host: `https://{shop}` for real Shopify, or the
 * sandbox's `http://127.0.0.1:4010/shopify/{shop}`; `{shop}` becomes `name.myshopify.com`.
 */
export const shopifyAppConfigSchema = z.object({
  adminBaseUrl: z
    .string()
    .refine((t) => t.includes("{shop}"), "adminBaseUrl must contain {shop}")
    .refine((t) => {
      try {
        const url = new URL(t.replace("{shop}", "example.myshopify.com"));
        return (url.protocol === "https:" || url.protocol === "http:") && url.search === "" && url.hash === "";
      } catch {
        return false;
      }
    }, "adminBaseUrl must be an http(s) URL template without query or fragment, such as https://{shop}"),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.array(z.string().regex(SCOPE, "a scope looks like read_products or write_orders")).min(1),
});

export type ShopifyAppSettings = z.infer<typeof shopifyAppConfigSchema>;

export interface ShopifyAppConfig extends ShopifyAppSettings {
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** The admin base URL of one shop, without a trailing slash. The shop is validated again here. */
export function shopAdminUrl(options: { adminBaseUrl: string; shop: string }): string {
  const shop = normalizeShopDomain(options.shop);
  return options.adminBaseUrl.replace("{shop}", shop).replace(/\/+$/, "");
}
