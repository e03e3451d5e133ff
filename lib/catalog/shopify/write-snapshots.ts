// Writes complete product snapshots in one transaction, newer data winning row by row: a row whose
// stored platformUpdatedAt is later than the incoming one is left alone, and a deleted row comes back
// only with strictly newer data. Set-based SQL so a 2,000-line bulk chunk is a handful of statements.
import { db } from "../../db";
import type { ProductSnapshot } from "./catalog-rows";

export interface WriteSnapshotsOptions {
  organizationId: string;
  connectionId: string;
  snapshots: ProductSnapshot[];
  /** Stamped on every product read (applied or not): a full run's deletion sweep spares them. */
  seenAt: Date;
}

export async function writeSnapshots(options: WriteSnapshotsOptions): Promise<{ productsApplied: number; variantsApplied: number }> {
  const { organizationId, connectionId, snapshots, seenAt } = options;
  if (snapshots.length === 0) return { productsApplied: 0, variantsApplied: 0 };
  const products = JSON.stringify(snapshots.map((s) => s.product));
  const variants = JSON.stringify(snapshots.flatMap((s) => s.variants));
  const productIds = snapshots.map((s) => s.product.externalId);
  const variantIds = snapshots.flatMap((s) => s.variants.map((v) => v.externalId));
  const seen = seenAt.toISOString();

  return db().$transaction(async (tx) => {
    const applied = await tx.$queryRaw<{ externalId: string }[]>`
      INSERT INTO "ShopifyProduct" ("id", "organizationId", "connectionId", "externalId", "title", "status", "handle", "imageUrl", "platformUpdatedAt", "importedAt")
      SELECT gen_random_uuid()::text, ${organizationId}, ${connectionId}, x."externalId", x."title", x."status", x."handle", x."imageUrl", x."platformUpdatedAt", ${seen}::timestamp(3)
      FROM jsonb_to_recordset(${products}::jsonb) AS x("externalId" text, "title" text, "status" text, "handle" text, "imageUrl" text, "platformUpdatedAt" timestamp(3))
      ON CONFLICT ("connectionId", "externalId") DO UPDATE SET
        "title" = EXCLUDED."title", "status" = EXCLUDED."status", "handle" = EXCLUDED."handle", "imageUrl" = EXCLUDED."imageUrl",
        "platformUpdatedAt" = EXCLUDED."platformUpdatedAt", "deletedAt" = NULL, "importedAt" = EXCLUDED."importedAt"
      WHERE "ShopifyProduct"."platformUpdatedAt" < EXCLUDED."platformUpdatedAt"
         OR ("ShopifyProduct"."deletedAt" IS NULL AND "ShopifyProduct"."platformUpdatedAt" = EXCLUDED."platformUpdatedAt")
      RETURNING "externalId"`;
    await tx.$executeRaw`
      UPDATE "ShopifyProduct" SET "importedAt" = ${seen}::timestamp(3)
      WHERE "connectionId" = ${connectionId} AND "externalId" = ANY(${productIds}::text[])`;

    // A snapshot holds every variant of its product: the ones it lacks were removed on Shopify.
    const appliedIds = applied.map((r) => r.externalId);
    if (appliedIds.length > 0) {
      await tx.$executeRaw`
        UPDATE "ShopifyVariant" AS v SET "deletedAt" = ${seen}::timestamp(3)
        FROM "ShopifyProduct" AS p
        WHERE v."productId" = p."id" AND p."connectionId" = ${connectionId} AND p."externalId" = ANY(${appliedIds}::text[])
          AND v."deletedAt" IS NULL AND NOT (v."externalId" = ANY(${variantIds}::text[]))`;
    }

    const variantsApplied = await tx.$executeRaw`
      INSERT INTO "ShopifyVariant" ("id", "organizationId", "connectionId", "productId", "externalId", "title", "sku", "skuNormalized", "barcode", "options",
        "price", "compareAtPrice", "inventoryQuantity", "inventoryItemId", "imageUrl", "platformUpdatedAt")
      SELECT gen_random_uuid()::text, ${organizationId}, ${connectionId}, p."id", x."externalId", x."title", x."sku", x."skuNormalized", x."barcode", x."options",
        x."price", x."compareAtPrice", x."inventoryQuantity", x."inventoryItemId", x."imageUrl", x."platformUpdatedAt"
      FROM jsonb_to_recordset(${variants}::jsonb) AS x("externalId" text, "productExternalId" text, "title" text, "sku" text, "skuNormalized" text, "barcode" text,
        "options" jsonb, "price" numeric, "compareAtPrice" numeric, "inventoryQuantity" integer, "inventoryItemId" text, "imageUrl" text, "platformUpdatedAt" timestamp(3))
      JOIN "ShopifyProduct" AS p ON p."connectionId" = ${connectionId} AND p."externalId" = x."productExternalId"
      ON CONFLICT ("connectionId", "externalId") DO UPDATE SET
        "productId" = EXCLUDED."productId", "title" = EXCLUDED."title", "sku" = EXCLUDED."sku", "skuNormalized" = EXCLUDED."skuNormalized",
        "barcode" = EXCLUDED."barcode", "options" = EXCLUDED."options", "price" = EXCLUDED."price", "compareAtPrice" = EXCLUDED."compareAtPrice",
        "inventoryQuantity" = EXCLUDED."inventoryQuantity", "inventoryItemId" = EXCLUDED."inventoryItemId", "imageUrl" = EXCLUDED."imageUrl",
        "platformUpdatedAt" = EXCLUDED."platformUpdatedAt", "deletedAt" = NULL
      WHERE "ShopifyVariant"."platformUpdatedAt" < EXCLUDED."platformUpdatedAt"
         OR ("ShopifyVariant"."deletedAt" IS NULL AND "ShopifyVariant"."platformUpdatedAt" = EXCLUDED."platformUpdatedAt")`;
    return { productsApplied: appliedIds.length, variantsApplied };
  });
}

/** Marks the products and their variants deleted (Shopify's products/delete, or a full run not seeing them). */
export async function markProductsDeleted(options: { connectionId: string; externalIds?: string[]; notSeenSince?: Date; at: Date }): Promise<number> {
  const { connectionId, at } = options;
  if (!options.externalIds && !options.notSeenSince) throw new Error("markProductsDeleted needs externalIds or notSeenSince");
  const products = await db().shopifyProduct.updateMany({
    where: {
      connectionId,
      deletedAt: null,
      ...(options.externalIds ? { externalId: { in: options.externalIds } } : {}),
      ...(options.notSeenSince ? { importedAt: { lt: options.notSeenSince } } : {}),
    },
    data: { deletedAt: at },
  });
  await db().shopifyVariant.updateMany({ where: { connectionId, deletedAt: null, product: { deletedAt: { not: null } } }, data: { deletedAt: at } });
  return products.count;
}
