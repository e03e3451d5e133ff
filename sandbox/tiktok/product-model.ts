import crypto from "node:crypto";
import { z } from "zod";
import { sec } from "./config";
import { nextId } from "./ids";
import { normalizeAmount } from "./regions";
import type { Product, ProductContent, ProductStatus, Shop, Sku, TikTokState } from "./state";

const decimal = z.string().regex(/^\d+(\.\d+)?$/, "a decimal string such as \"19.99\"");
export const skuSeed = z.object({
  sellerSku: z.string().min(1).max(50),
  price: decimal,
  quantity: z.number().int().min(0).max(99_999),
  barcode: z.string().min(1).max(40).optional(),
  salesAttributes: z.array(z.object({ name: z.string().min(1), value: z.string().min(1) }).strict()).max(3).optional(),
}).strict();
export const productSeed = z.object({
  title: z.string().min(1).max(255),
  description: z.string().max(10_000).default(""),
  status: z.enum(["DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"]).default("ACTIVATE"),
  images: z.array(z.string().min(1)).max(9).optional(),
  skus: z.array(skuSeed).min(1).max(300),
}).strict();
export type ProductSeed = z.infer<typeof productSeed>;
export type SkuSeed = z.infer<typeof skuSeed>;

/** Stable numeric ids for attribute names and values, so the same "Color"/"Red" always gets the same id. */
export function attrId(text: string): string {
  const n = parseInt(crypto.createHash("sha256").update(text).digest("hex").slice(0, 12), 16) % 1e12;
  return "100" + String(n).padStart(12, "0");
}

export function imageFromUrl(url: string): Record<string, unknown> {
  const uri = `tos-sandbox/${crypto.createHash("sha256").update(url).digest("hex").slice(0, 32)}`;
  return { uri, urls: [url], thumb_urls: [url], height: 600, width: 600 };
}

export function salesAttributes(list: { name: string; value: string }[] | undefined): Record<string, unknown>[] {
  return (list ?? []).map((a) => ({ id: attrId(a.name), name: a.name, value_id: attrId(`${a.name}:${a.value}`), value_name: a.value }));
}

export function skuFromSeed(s: TikTokState, shop: Shop, seed: SkuSeed): Sku {
  const price = normalizeAmount(seed.price, shop.currency) ?? seed.price;
  const warehouse = shop.warehouses.find((w) => w.is_default) ?? shop.warehouses[0]!;
  const sku: Sku = {
    id: nextId(s, "sku"), seller_sku: seed.sellerSku, price: { currency: shop.currency, sale_price: price, tax_exclusive_price: price },
    inventory: [{ warehouse_id: warehouse.id, quantity: seed.quantity }], sales_attributes: salesAttributes(seed.salesAttributes),
  };
  if (seed.barcode) sku.identifier_code = { code: seed.barcode, type: identifierType(seed.barcode) };
  return sku;
}

export function identifierType(code: string): string {
  if (/^\d{12}$/.test(code)) return "UPC";
  if (/^\d{13}$/.test(code)) return "EAN";
  if (/^\d{14}$/.test(code)) return "GTIN";
  if (/^(97[89])?\d{9}[\dX]$/.test(code)) return "ISBN";
  return "GTIN";
}

export function newProduct(s: TikTokState, shop: Shop, seed: ProductSeed, nowMs: number, endpoint: string): Product {
  const t = sec(nowMs);
  const content: ProductContent = {
    title: seed.title, description: seed.description, main_images: (seed.images ?? []).map(imageFromUrl), skus: seed.skus.map((k) => skuFromSeed(s, shop, k)),
  };
  return {
    id: nextId(s, "product"), shop_id: shop.id, status: seed.status as ProductStatus, create_time: t, update_time: t, live: content, pending: null,
    audit_status: seed.status === "ACTIVATE" ? "APPROVED" : seed.status === "PENDING" ? "AUDITING" : seed.status === "FAILED" ? "FAILED" : "NONE",
    history: [{ at: new Date(nowMs).toISOString(), endpoint, fields: ["title", "description", "main_images", "skus"] }],
  };
}

export function skuView(k: Sku): Record<string, unknown> {
  return { ...k, price: { ...k.price }, inventory: k.inventory.map((i) => ({ ...i })), status_info: { status: "NORMAL" } };
}

/** The product as Get Product returns it (the live version unless `content` says otherwise). */
export function productView(p: Product, shop: Shop, content: ProductContent = p.live, globalSkuMap: Record<string, string> = {}): Record<string, unknown> {
  const { title, description, main_images, skus, ...extra } = content;
  const view: Record<string, unknown> = {
    id: p.id, status: p.status, title, description, main_images, skus: skus.map(skuView), category_chains: [], is_cod_allowed: false,
    create_time: p.create_time, update_time: p.update_time, audit: { status: p.audit_status, pre_approved_reasons: [] }, audit_failed_reasons: [],
    has_draft: false, product_status: p.status === "PENDING" || p.status === "FAILED" ? "DRAFT" : p.status, product_types: [], is_not_for_sale: false,
    integrated_platform_statuses: [], sales_regions: [shop.region], ...extra,
  };
  if (p.global_product_id) {
    // globalSkuMap: global SKU id → this local product's SKU id, as the global product published it.
    const localIds = new Set(skus.map((k) => k.id));
    const sku_mappings = Object.entries(globalSkuMap).filter(([, local]) => localIds.has(local)).map(([global_sku_id, local_sku_id]) => ({ global_sku_id, local_sku_id, sales_attribute_mappings: [] }));
    view.global_product_association = { global_product_id: p.global_product_id, sku_mappings };
  }
  return view;
}

/** The short product shape Search Products returns. */
export function productSearchView(p: Product, shop: Shop): Record<string, unknown> {
  return {
    id: p.id, title: p.live.title, status: p.status,
    skus: p.live.skus.map((k) => ({ id: k.id, seller_sku: k.seller_sku, price: { ...k.price }, inventory: k.inventory.map((i) => ({ ...i })), status_info: { status: "NORMAL" } })),
    sales_regions: [shop.region], create_time: p.create_time, update_time: p.update_time, product_sync_fail_reasons: [], is_not_for_sale: false,
    recommended_categories: [], audit: { status: p.audit_status, pre_approved_reasons: [] }, has_draft: false, integrated_platform_statuses: [],
  };
}

export function cloneContent(c: ProductContent): ProductContent {
  return structuredClone(c);
}
