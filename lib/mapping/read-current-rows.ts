import type { Db } from "../db";
import type { CurrentRow } from "./judge-row";

type Tx = Pick<Db, "$queryRaw">;

export interface ReadCurrentRowsOptions {
  tx: Tx;
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  rows: readonly { tiktokSkuId: string; shopifyVariantId: string }[];
}

/**
 * One query per chunk: each requested pair's SKU, product, variant and existing mappings as they
 * are now, in request order. Ids of another tenant or store read as not found.
 * Rows are joined by primary key only and the tenant and store compared in the select list: with
 * the tenant in the join condition, a planner without statistics (a fresh PGlite import) chose
 * the (connectionId, …) indexes and read the whole shop once per row.
 */
export async function readCurrentRows({ tx, organizationId, tiktokConnectionId, shopifyConnectionId, rows }: ReadCurrentRowsOptions): Promise<CurrentRow[]> {
  const skuIds = rows.map((row) => row.tiktokSkuId);
  const variantIds = rows.map((row) => row.shopifyVariantId);
  const found = await tx.$queryRaw<(CurrentRow & { skuOwned: boolean | null; variantOwned: boolean | null })[]>`
    SELECT s.id AS "skuId", s."sellerSku", s."identifierCode",
           (s."organizationId" = ${organizationId} AND s."connectionId" = ${tiktokConnectionId}) AS "skuOwned",
           (v."organizationId" = ${organizationId} AND v."connectionId" = ${shopifyConnectionId}) AS "variantOwned",
           p.status AS "productStatus", p."deletedAt" AS "productDeletedAt", p."platformUpdatedAt" AS "productUpdatedAt",
           m."shopifyVariantId" AS "skuMappedTo", m."batchId" AS "skuMappedBatch",
           v.id AS "variantId", v.sku, v.barcode, v."platformUpdatedAt" AS "variantUpdatedAt", v."deletedAt" AS "variantDeletedAt",
           sp."deletedAt" AS "variantProductDeletedAt",
           (SELECT m2."tiktokSkuId" FROM "Mapping" m2
             WHERE m2."shopifyVariantId" = v.id AND m2."tiktokConnectionId" = ${tiktokConnectionId}
               AND m2.status = 'ACTIVE' AND m2."tiktokSkuId" <> r.sku LIMIT 1) AS "variantMappedBy"
    FROM unnest(${skuIds}::text[], ${variantIds}::text[]) WITH ORDINALITY AS r(sku, variant, ord)
    LEFT JOIN "TikTokSku" s ON s.id = r.sku
    LEFT JOIN "TikTokProduct" p ON p.id = s."productId"
    LEFT JOIN "Mapping" m ON m."tiktokSkuId" = s.id
    LEFT JOIN "ShopifyVariant" v ON v.id = r.variant
    LEFT JOIN "ShopifyProduct" sp ON sp.id = v."productId"
    ORDER BY r.ord`;
  return found.map(({ skuOwned, variantOwned, ...row }) => {
    const sku = skuOwned ? row : { ...row, skuId: null, skuMappedTo: null, skuMappedBatch: null };
    return variantOwned ? sku : { ...sku, variantId: null, variantMappedBy: null };
  });
}
