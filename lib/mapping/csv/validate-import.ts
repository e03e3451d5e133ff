import { normalizeSku } from "../../catalog/normalize-sku";
import type { Prisma } from "../../db";
import { lookupImportKeys, readVariantHolders, type FoundSku, type FoundVariant, type ImportLookups } from "./lookup-import-keys";
import type { ImportRow, ShopifyKey, TikTokKey } from "./read-import-rows";

export type ImportErrorCode =
  | "MISSING_TIKTOK_SKU"
  | "MISSING_SHOPIFY_VARIANT"
  | "UNKNOWN_TIKTOK_SKU"
  | "AMBIGUOUS_TIKTOK_SKU"
  | "TIKTOK_PRODUCT_DELETED"
  | "UNKNOWN_VARIANT"
  | "AMBIGUOUS_VARIANT"
  | "VARIANT_DELETED"
  | "DUPLICATE_ROW"
  | "TIKTOK_SKU_TWICE"
  | "VARIANT_TWICE"
  | "VARIANT_TAKEN";

export interface ImportRowError {
  row: number;
  code: ImportErrorCode;
  message: string;
}

export interface ImportChange {
  row: number;
  action: "create" | "change";
  tiktokSkuId: string;
  shopifyVariantId: string;
  /** Shown to the member: TikTok's SKU id and seller SKU, Shopify's variant id and SKU. */
  tiktok: { externalId: string; sellerSku: string | null };
  shopify: { externalId: string; sku: string | null };
}

export interface ImportValidation {
  errors: ImportRowError[];
  changes: ImportChange[];
  unchanged: number;
}

export interface ValidateImportOptions {
  client: Prisma.TransactionClient;
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  rows: readonly ImportRow[];
}

/** Resolves every row against the catalog and judges it; nothing is written. */
export async function validateImport(options: ValidateImportOptions): Promise<ImportValidation> {
  const lookups = await lookupImportKeys(options);
  const errors: ImportRowError[] = [];
  const fail = (row: number, code: ImportErrorCode, message: string) => void errors.push({ row, code, message });
  const seenRaw = new Map<string, number>();
  const rowOfSku = new Map<string, { row: number; variantId: string }>();
  const rowOfVariant = new Map<string, { row: number; skuId: string }>();
  const resolved: { row: number; sku: FoundSku; variant: FoundVariant }[] = [];

  for (const { row, tiktok, shopify } of options.rows) {
    if (!tiktok) fail(row, "MISSING_TIKTOK_SKU", "No TikTok SKU: fill in tiktok_sku_id or seller_sku.");
    if (!shopify) fail(row, "MISSING_SHOPIFY_VARIANT", "No Shopify variant: fill in shopify_variant_id or shopify_sku.");
    if (!tiktok || !shopify) continue;
    const raw = `${tiktok.by}:${normalizeSku(tiktok.value)}|${shopify.by}:${normalizeSku(shopify.value)}`;
    const earlier = seenRaw.get(raw);
    if (earlier !== undefined) {
      fail(row, "DUPLICATE_ROW", `Duplicate of row ${earlier}.`);
      continue;
    }
    seenRaw.set(raw, row);
    const sku = resolveSku({ lookups, key: tiktok, row, fail });
    const variant = resolveVariant({ lookups, key: shopify, row, fail });
    if (!sku || !variant) continue;
    const skuRow = rowOfSku.get(sku.id);
    if (skuRow?.variantId === variant.id) {
      fail(row, "DUPLICATE_ROW", `Duplicate of row ${skuRow.row}.`);
      continue;
    }
    if (skuRow) {
      fail(row, "TIKTOK_SKU_TWICE", `This TikTok SKU is also on row ${skuRow.row}, with another variant. Keep one row per SKU.`);
      continue;
    }
    const variantRow = rowOfVariant.get(variant.id);
    if (variantRow) {
      fail(row, "VARIANT_TWICE", `This Shopify variant is also on row ${variantRow.row}, for another TikTok SKU. A variant serves one SKU per shop.`);
      continue;
    }
    rowOfSku.set(sku.id, { row, variantId: variant.id });
    rowOfVariant.set(variant.id, { row, skuId: sku.id });
    resolved.push({ row, sku, variant });
  }

  // A variant held by a SKU this file remaps elsewhere is freed by the same import (as in map-skus.ts).
  const holders = await readVariantHolders({ ...options, variantIds: resolved.map((r) => r.variant.id) });
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (const { row, sku, variant } of resolved) {
    const holder = holders.get(variant.id)?.find((m) => m.tiktokSku.id !== sku.id && !rowOfSku.has(m.tiktokSku.id));
    if (holder) {
      const name = holder.tiktokSku.sellerSku ? `seller SKU "${holder.tiktokSku.sellerSku}"` : `id ${holder.tiktokSku.externalId}`;
      fail(row, "VARIANT_TAKEN", `This Shopify variant is already mapped to another TikTok SKU of this shop (${name}). Unmap that SKU first.`);
      continue;
    }
    if (sku.mapping?.shopifyVariantId === variant.id && sku.mapping.status === "ACTIVE") {
      unchanged++;
      continue;
    }
    changes.push({
      row,
      action: sku.mapping ? "change" : "create",
      tiktokSkuId: sku.id,
      shopifyVariantId: variant.id,
      tiktok: { externalId: sku.externalId, sellerSku: sku.sellerSku },
      shopify: { externalId: variant.externalId, sku: variant.sku },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, changes, unchanged };
}

type Fail = (row: number, code: ImportErrorCode, message: string) => void;

function resolveSku({ lookups, key, row, fail }: { lookups: ImportLookups; key: TikTokKey; row: number; fail: Fail }): FoundSku | null {
  const label = key.by === "id" ? `id "${key.value}"` : `seller SKU "${key.value}"`;
  const candidates = key.by === "id" ? [lookups.skuById.get(key.value)].filter((s) => s !== undefined) : (lookups.skusBySku.get(normalizeSku(key.value) ?? "") ?? []);
  const live = candidates.filter((s) => s.product.deletedAt === null);
  const picked = pickOne({ candidates: live, exact: (s) => s.sellerSku === key.value });
  if (picked === "none") {
    if (candidates.length > 0) fail(row, "TIKTOK_PRODUCT_DELETED", `The TikTok SKU with ${label} belongs to a deleted product.`);
    else fail(row, "UNKNOWN_TIKTOK_SKU", `No TikTok SKU with ${label} in this shop.`);
    return null;
  }
  if (picked === "many") {
    fail(row, "AMBIGUOUS_TIKTOK_SKU", `Seller SKU "${key.value}" matches ${live.length} TikTok SKUs in this shop. Use tiktok_sku_id instead.`);
    return null;
  }
  return picked;
}

function resolveVariant({ lookups, key, row, fail }: { lookups: ImportLookups; key: ShopifyKey; row: number; fail: Fail }): FoundVariant | null {
  const label = key.by === "id" ? `id "${key.value}"` : `SKU "${key.value}"`;
  const candidates = key.by === "id" ? [lookups.variantById.get(key.value)].filter((v) => v !== undefined) : (lookups.variantsBySku.get(normalizeSku(key.value) ?? "") ?? []);
  const live = candidates.filter((v) => v.deletedAt === null && v.product.deletedAt === null);
  const picked = pickOne({ candidates: live, exact: (v) => v.sku === key.value });
  if (picked === "none") {
    if (candidates.length > 0) fail(row, "VARIANT_DELETED", `The Shopify variant with ${label} was deleted.`);
    else fail(row, "UNKNOWN_VARIANT", `No Shopify variant with ${label} in the paired Shopify store.`);
    return null;
  }
  if (picked === "many") {
    fail(row, "AMBIGUOUS_VARIANT", `Shopify SKU "${key.value}" matches ${live.length} variants. Use shopify_variant_id instead.`);
    return null;
  }
  return picked;
}

// SKU columns match on the normalized SKU; when several match, the one spelled exactly as written wins.
function pickOne<T>({ candidates, exact }: { candidates: T[]; exact: (item: T) => boolean }): T | "none" | "many" {
  if (candidates.length === 0) return "none";
  if (candidates.length === 1) return candidates[0]!;
  const exactMatches = candidates.filter(exact);
  return exactMatches.length === 1 ? exactMatches[0]! : "many";
}
