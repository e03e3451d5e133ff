import { z } from "zod";

// Get Authorized Shops (GET /authorization/202309/shops).
export const tiktokShopSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  region: z.string().min(2),
  seller_type: z.enum(["LOCAL", "CROSS_BORDER"]),
  cipher: z.string().min(1),
  code: z.string(),
});
export type TikTokShop = z.infer<typeof tiktokShopSchema>;

export const authorizedShopsDataSchema = z.object({ shops: z.array(tiktokShopSchema).default([]) });

// Get Shop Webhooks (GET /event/202309/webhooks). Topics are kept as strings: TikTok may list ones we do not use.
export const tiktokShopWebhookSchema = z.object({
  event_type: z.string().min(1),
  address: z.string(),
  create_time: z.number().int().optional(),
  update_time: z.number().int().optional(),
});
export type TikTokShopWebhook = z.infer<typeof tiktokShopWebhookSchema>;

export const shopWebhooksDataSchema = z.object({
  webhooks: z.array(tiktokShopWebhookSchema).default([]),
  total_count: z.number().int().optional(),
});

/** Update and Delete Shop Webhook answer `data: {}`; nothing in it is used. */
export const emptyDataSchema = z.unknown();

/**
 * A per-item failure inside a successful answer (`data.errors[]`): some writes succeed overall and still refuse
 * some items. The specs type `code` as int on some endpoints and string on others.
 */
export const tiktokItemErrorSchema = z.object({
  code: z.union([z.number(), z.string()]).transform(Number),
  message: z.string().default(""),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type TikTokItemError = z.infer<typeof tiktokItemErrorSchema>;

// A plausible absolute Unix time in seconds (after 2001): rejects a lifetime in seconds sent by mistake.
const unixSeconds = z.number().int().min(1_000_000_000);

/**
 * Token service answer (GET /api/v2/token/get and /api/v2/token/refresh). The `*_expire_in` fields are absolute Unix
 * timestamps despite their names; they become Dates here.
 */
export const tiktokTokenSchema = z
  .object({
    access_token: z.string().min(1),
    access_token_expire_in: unixSeconds,
    refresh_token: z.string().min(1),
    refresh_token_expire_in: unixSeconds,
    open_id: z.string().default(""),
    seller_name: z.string().default(""),
    seller_base_region: z.string().default(""),
    user_type: z.number().int().optional(),
    granted_scopes: z.array(z.string()).default([]),
  })
  .transform((t) => ({
    accessToken: t.access_token,
    accessTokenExpiresAt: new Date(t.access_token_expire_in * 1000),
    refreshToken: t.refresh_token,
    refreshTokenExpiresAt: new Date(t.refresh_token_expire_in * 1000),
    openId: t.open_id,
    sellerName: t.seller_name,
    sellerBaseRegion: t.seller_base_region,
    userType: t.user_type ?? null,
    grantedScopes: t.granted_scopes,
  }));
export type TikTokTokens = z.infer<typeof tiktokTokenSchema>;

// Products (search 202502, get 202309) and global products (search 202312, get 202309). Only the fields the
// catalog import reads are declared; TikTok sends many more.
const tiktokPriceSchema = z.object({
  currency: z.string().optional(),
  sale_price: z.string().optional(),
  tax_exclusive_price: z.string().optional(),
});

const tiktokInventorySchema = z.object({
  warehouse_id: z.string().optional(),
  quantity: z.number().int().default(0),
});

const tiktokSearchSkuSchema = z.object({
  id: z.string().min(1),
  seller_sku: z.string().optional(),
  price: tiktokPriceSchema.optional(),
  inventory: z.array(tiktokInventorySchema).optional(),
});

export const tiktokSearchProductSchema = z.object({
  id: z.string().min(1),
  title: z.string().default(""),
  status: z.string().default(""),
  skus: z.array(tiktokSearchSkuSchema).default([]),
  create_time: z.number().int().optional(),
  update_time: z.number().int(),
});
export type TikTokSearchProduct = z.infer<typeof tiktokSearchProductSchema>;

export const searchProductsDataSchema = z.object({
  total_count: z.number().int().default(0),
  products: z.array(tiktokSearchProductSchema).default([]),
  next_page_token: z.string().default(""),
});
export type TikTokSearchProductsData = z.infer<typeof searchProductsDataSchema>;

const tiktokImageSchema = z.object({ urls: z.array(z.string()).default([]), thumb_urls: z.array(z.string()).default([]), uri: z.string().optional() });

const tiktokSalesAttributeSchema = z.object({
  id: z.string().optional(),
  name: z.string().default(""),
  value_id: z.string().optional(),
  value_name: z.string().default(""),
});

const tiktokIdentifierCodeSchema = z.object({ code: z.string().default(""), type: z.string().optional() });

export const tiktokProductSkuSchema = tiktokSearchSkuSchema.extend({
  identifier_code: tiktokIdentifierCodeSchema.nullish(),
  sales_attributes: z.array(tiktokSalesAttributeSchema).default([]),
});
export type TikTokProductSku = z.infer<typeof tiktokProductSkuSchema>;

const tiktokSkuMappingSchema = z.object({ global_sku_id: z.string(), local_sku_id: z.string() });

export const tiktokProductDetailSchema = z.object({
  id: z.string().min(1),
  status: z.string().default(""),
  title: z.string().default(""),
  main_images: z.array(tiktokImageSchema).default([]),
  skus: z.array(tiktokProductSkuSchema).default([]),
  create_time: z.number().int().optional(),
  update_time: z.number().int(),
  global_product_association: z
    .object({ global_product_id: z.string().optional(), sku_mappings: z.array(tiktokSkuMappingSchema).default([]) })
    .nullish(),
});
export type TikTokProductDetail = z.infer<typeof tiktokProductDetailSchema>;

export const searchGlobalProductsDataSchema = z.object({
  total_count: z.number().int().default(0),
  global_products: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().default(""),
        status: z.string().default(""),
        skus: z.array(z.object({ id: z.string().min(1), seller_sku: z.string().optional() })).default([]),
        create_time: z.number().int().optional(),
        update_time: z.number().int().optional(),
      }),
    )
    .default([]),
  next_page_token: z.string().default(""),
});

export const tiktokGlobalProductDetailSchema = z.object({
  id: z.string().min(1),
  title: z.string().default(""),
  skus: z
    .array(
      z.object({
        id: z.string().min(1),
        seller_sku: z.string().optional(),
        price: z.object({ amount: z.string().optional(), currency: z.string().optional() }).optional(),
        identifier_code: tiktokIdentifierCodeSchema.nullish(),
        sales_attributes: z.array(tiktokSalesAttributeSchema).default([]),
      }),
    )
    .default([]),
  update_time: z.number().int().optional(),
  // The local products published from it, per market, with their SKU pairs.
  products: z
    .array(z.object({ region: z.string().optional(), id: z.string().min(1), sku_mappings: z.array(tiktokSkuMappingSchema).default([]) }))
    .default([]),
});
export type TikTokGlobalProductDetail = z.infer<typeof tiktokGlobalProductDetailSchema>;
