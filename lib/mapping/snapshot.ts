import { createHash } from "node:crypto";

// What a reviewed proposal saw of both catalogs. Apply recomputes it from the current rows and
// refuses the row when it differs: the catalog changed after the member looked at it.

export interface TikTokSnapshotFields {
  productUpdatedAt: Date;
  sellerSku: string | null;
  identifierCode: string | null;
}

export interface ShopifySnapshotFields {
  platformUpdatedAt: Date;
  sku: string | null;
  barcode: string | null;
}

export function rowSnapshot({ tiktok, shopify }: { tiktok: TikTokSnapshotFields; shopify: ShopifySnapshotFields | null }): string {
  const parts = [tiktok.productUpdatedAt.getTime(), tiktok.sellerSku ?? "", tiktok.identifierCode ?? ""];
  if (shopify) parts.push(shopify.platformUpdatedAt.getTime(), shopify.sku ?? "", shopify.barcode ?? "");
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 22);
}
