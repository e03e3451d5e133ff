import type { StoredRow } from "./batch-rows";
import { rowSnapshot } from "./snapshot";

// Whether one reviewed row may still be applied, from the catalog as it is now.

/** The current state of a row's SKU and variant, as read by validate-rows.ts (nulls: not found). */
export interface CurrentRow {
  skuId: string | null;
  sellerSku: string | null;
  identifierCode: string | null;
  productStatus: string | null;
  productDeletedAt: Date | null;
  productUpdatedAt: Date | null;
  skuMappedTo: string | null;
  skuMappedBatch: string | null;
  variantId: string | null;
  sku: string | null;
  barcode: string | null;
  variantUpdatedAt: Date | null;
  variantDeletedAt: Date | null;
  variantProductDeletedAt: Date | null;
  variantMappedBy: string | null;
}

export type RefusalCode = "SKU_GONE" | "PRODUCT_INACTIVE" | "VARIANT_GONE" | "STALE" | "SKU_ALREADY_MAPPED" | "VARIANT_TAKEN" | "VARIANT_TWICE_IN_BATCH" | "PAIRING_CHANGED";

export type Judgement = { kind: "map" } | { kind: "done" } | { kind: "refuse"; code: RefusalCode };

export const REFUSALS: Record<RefusalCode, { reason: string; fix: string }> = {
  SKU_GONE: { reason: "The TikTok SKU no longer exists.", fix: "Import the TikTok catalog again, then run Bulk auto-map." },
  PRODUCT_INACTIVE: { reason: "The TikTok product was deleted or is no longer active.", fix: "Activate the product on TikTok Shop, import the catalog again, then map it." },
  VARIANT_GONE: { reason: "The Shopify variant was deleted.", fix: "Run Bulk auto-map again to find another variant, or map this SKU by hand." },
  STALE: { reason: "The catalog changed after you reviewed this proposal.", fix: "Run Bulk auto-map again and review the new proposal." },
  SKU_ALREADY_MAPPED: { reason: "This TikTok SKU is already mapped.", fix: "Unmap it first if it should point to another Shopify variant." },
  VARIANT_TAKEN: { reason: "The Shopify variant is already mapped to another TikTok SKU of this shop.", fix: "Unmap that SKU first, or map this one to another variant." },
  VARIANT_TWICE_IN_BATCH: { reason: "Another SKU in this batch was mapped to the same Shopify variant.", fix: "Give each SKU its own variant: map this one by hand." },
  PAIRING_CHANGED: { reason: "The TikTok shop is no longer paired with the Shopify store you reviewed.", fix: "Run Bulk auto-map again for the current pairing." },
};

export function judgeRow({ row, current, batchId, variantsTaken }: { row: StoredRow; current: CurrentRow; batchId: string; variantsTaken: ReadonlySet<string> }): Judgement {
  if (current.skuId === null) return { kind: "refuse", code: "SKU_GONE" };
  if (current.skuMappedTo !== null) {
    return current.skuMappedBatch === batchId && current.skuMappedTo === row.shopifyVariantId ? { kind: "done" } : { kind: "refuse", code: "SKU_ALREADY_MAPPED" };
  }
  if (current.productDeletedAt !== null || current.productStatus !== "ACTIVATE") return { kind: "refuse", code: "PRODUCT_INACTIVE" };
  if (current.variantId === null || current.variantDeletedAt !== null || current.variantProductDeletedAt !== null) return { kind: "refuse", code: "VARIANT_GONE" };
  const snapshot = rowSnapshot({
    tiktok: { productUpdatedAt: current.productUpdatedAt!, sellerSku: current.sellerSku, identifierCode: current.identifierCode },
    shopify: { platformUpdatedAt: current.variantUpdatedAt!, sku: current.sku, barcode: current.barcode },
  });
  if (snapshot !== row.snapshot) return { kind: "refuse", code: "STALE" };
  if (current.variantMappedBy !== null) return { kind: "refuse", code: "VARIANT_TAKEN" };
  if (variantsTaken.has(row.shopifyVariantId)) return { kind: "refuse", code: "VARIANT_TWICE_IN_BATCH" };
  return { kind: "map" };
}
