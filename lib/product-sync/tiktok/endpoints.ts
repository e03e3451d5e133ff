import { z } from "zod";
import { defineEndpoint } from "../../platforms/tiktok/endpoints";
import { tiktokItemErrorSchema } from "../../platforms/tiktok/schemas";

// The TikTok endpoints product sync reads and writes, with schemas for the content it compares (the
// catalog's schemas leave description, images and list prices out). Versions as the spec files document.
// Writes set absolute values (a title, a price, a quantity), so sending one again after a timeout or an
// internal error changes nothing more: they are marked idempotent and the client may retry them.

const imageSchema = z.object({ uri: z.string().default(""), urls: z.array(z.string()).default([]) });
const amountSchema = z.object({ amount: z.string().optional(), currency: z.string().optional() });

const localSkuSchema = z.object({
  id: z.string().min(1),
  seller_sku: z.string().nullish(),
  price: z.object({ currency: z.string().optional(), sale_price: z.string().optional(), tax_exclusive_price: z.string().optional() }).optional(),
  list_price: amountSchema.nullish(),
  inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number().int().default(0) })).default([]),
});

export const productContentSchema = z.object({
  id: z.string().min(1),
  status: z.string().default(""),
  title: z.string().default(""),
  description: z.string().default(""),
  main_images: z.array(imageSchema).default([]),
  skus: z.array(localSkuSchema).default([]),
  audit: z.object({ status: z.string().optional() }).nullish(),
  global_product_association: z.object({ global_product_id: z.string().optional() }).nullish(),
  update_time: z.number().int().optional(),
});
export type ProductContent = z.infer<typeof productContentSchema>;

export const globalProductContentSchema = z.object({
  id: z.string().min(1),
  status: z.string().default(""),
  title: z.string().default(""),
  description: z.string().default(""),
  main_images: z.array(imageSchema).default([]),
  skus: z.array(z.object({ id: z.string().min(1), seller_sku: z.string().nullish(), price: amountSchema.optional() })).default([]),
  // The local product published from it in each market.
  products: z.array(z.object({ region: z.string().optional(), id: z.string().min(1) })).default([]),
  update_time: z.number().int().optional(),
});
export type GlobalProductContent = z.infer<typeof globalProductContentSchema>;

const partialEditDataSchema = z.object({ product_id: z.string().optional(), audit: z.object({ status: z.string().optional() }).nullish() }).passthrough();

// Update Inventory succeeds overall and refuses single SKUs in data.errors[].
const inventoryDataSchema = z.object({ errors: z.array(tiktokItemErrorSchema).default([]) }).passthrough();

const globalEditDataSchema = z
  .object({ publish_results: z.array(z.object({ region: z.string().optional(), status: z.string().optional(), fail_reasons: z.array(z.object({ message: z.string().optional() })).default([]) })).default([]) })
  .passthrough();

const uploadImageDataSchema = z.object({ uri: z.string().min(1), url: z.string().default(""), width: z.number().int().default(0), height: z.number().int().default(0), use_case: z.string().optional() });

export const SYNC_ENDPOINTS = {
  // Multipart, no shop cipher (images belong to the seller). A repeated upload only leaves an unused image behind.
  uploadProductImage: defineEndpoint({ method: "POST", path: "/product/202309/images/upload", shopCipher: "forbidden", data: uploadImageDataSchema, idempotent: true }),
  getProduct: defineEndpoint({ method: "GET", path: "/product/202309/products/{product_id}", shopCipher: "required", data: productContentSchema }),
  partialEditProduct: defineEndpoint({ method: "POST", path: "/product/202509/products/{product_id}/partial_edit", shopCipher: "required", data: partialEditDataSchema, idempotent: true }),
  updatePrice: defineEndpoint({ method: "POST", path: "/product/202309/products/{product_id}/prices/update", shopCipher: "required", data: z.unknown(), idempotent: true }),
  updateInventory: defineEndpoint({ method: "POST", path: "/product/202309/products/{product_id}/inventory/update", shopCipher: "required", data: inventoryDataSchema, idempotent: true }),
  getGlobalProduct: defineEndpoint({ method: "GET", path: "/product/202309/global_products/{global_product_id}", shopCipher: "forbidden", data: globalProductContentSchema }),
  // The spec's method field says PUT and its text says POST; the text is what TikTok's guides repeat.
  partialEditGlobalProduct: defineEndpoint({ method: "POST", path: "/product/202509/global_products/{global_product_id}/partial_edit", shopCipher: "forbidden", data: globalEditDataSchema, idempotent: true }),
};

/** TikTok refused a price because a promotion holds it (Update Price: 12052038; 12019045 "price is locked"). */
export const PRICE_LOCKED_CODES = new Set([12052038, 12019045]);
