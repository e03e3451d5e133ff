import { z } from "zod";
import { db } from "../db";
import { conflictIssues } from "./conflict-issues";
import { matchCatalogs, type ShopifyVariantInput, type TikTokSkuInput } from "./match";

const optionsSchema = z.array(z.object({ name: z.string(), value: z.string() })).catch([]);

export interface DetectMappingConflictsOptions {
  organizationId: string;
  tiktokConnectionId: string;
}

/**
 * Runs the matcher over the whole TikTok shop against its paired Shopify store and keeps one open
 * CONFLICT issue per product with a conflict (so it shows under "Needs attention" with the reason
 * and the fix), replacing the previous run's: a settled conflict's issue is resolved, a changed one
 * rewritten. Under the shop's mapping lock, like every other issue write; running it again changes
 * nothing. A shop that is not paired (or not this organization's) has no conflicts to show.
 */
export async function detectMappingConflicts({ organizationId, tiktokConnectionId }: DetectMappingConflictsOptions): Promise<{ products: number; opened: number; resolved: number }> {
  const shop = await db().connection.findFirst({ where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { pairedShopifyId: true } });
  const shopify = shop?.pairedShopifyId
    ? await db().connection.findFirst({ where: { id: shop.pairedShopifyId, organizationId, platform: "SHOPIFY" }, select: { id: true } })
    : null;
  const [skuRows, variantRows] = shop && shopify ? await Promise.all([loadSkus(organizationId, tiktokConnectionId), loadVariants(organizationId, shopify.id, tiktokConnectionId)]) : [[], []];

  const tiktokSkus: TikTokSkuInput[] = skuRows.map((row) => ({ id: row.id, productId: row.productId, productTitle: row.title, sellerSku: row.sellerSku, identifierCode: row.identifierCode, options: optionsSchema.parse(row.options), mappedVariantId: row.mappedVariantId }));
  const shopifyVariants: ShopifyVariantInput[] = variantRows.map((row) => ({ id: row.id, productId: row.productId, productTitle: row.productTitle, sku: row.sku, barcode: row.barcode, options: optionsSchema.parse(row.options), mappedFromTikTokSkuId: row.mappedFrom }));
  const labels = new Map(variantRows.map((row) => [row.id, `${row.productTitle} – ${row.title}`]));
  const issues = conflictIssues({ result: matchCatalogs({ tiktokSkus, shopifyVariants }), skus: new Map(skuRows.map((row) => [row.id, row])), variantLabel: (id) => labels.get(id) ?? id });
  const wanted = new Map(issues.map((issue) => [issue.tiktokProductId, issue]));

  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${tiktokConnectionId}`}))`;
    const open = await tx.mappingIssue.findMany({ where: { organizationId, tiktokConnectionId, kind: "CONFLICT", resolvedAt: null }, select: { id: true, tiktokProductId: true, reason: true } });
    const stale = open.filter((issue) => wanted.get(issue.tiktokProductId)?.reason !== issue.reason);
    const kept = new Set(open.filter((issue) => !stale.includes(issue)).map((issue) => issue.tiktokProductId));
    if (stale.length > 0) await tx.mappingIssue.updateMany({ where: { id: { in: stale.map((issue) => issue.id) }, organizationId }, data: { resolvedAt: new Date() } });
    const fresh = issues.filter((issue) => !kept.has(issue.tiktokProductId));
    if (fresh.length > 0) await tx.mappingIssue.createMany({ data: fresh.map((issue) => ({ organizationId, tiktokConnectionId, kind: "CONFLICT", ...issue })) });
    return { products: issues.length, opened: fresh.length, resolved: stale.length };
  }, { timeout: 60_000 });
}

// Every SKU of the shop's active products, with its ACTIVE mapping's variant.
function loadSkus(organizationId: string, tiktokConnectionId: string) {
  return db().$queryRaw<{ id: string; productId: string; title: string; sellerSku: string | null; identifierCode: string | null; options: unknown; mappedVariantId: string | null }[]>`
    SELECT s.id, s."productId", p.title, s."sellerSku", s."identifierCode", s.options, m."shopifyVariantId" AS "mappedVariantId"
    FROM "TikTokSku" s
    JOIN "TikTokProduct" p ON p.id = s."productId" AND p."organizationId" = ${organizationId}
    LEFT JOIN "Mapping" m ON m."tiktokSkuId" = s.id AND m.status = 'ACTIVE' AND m."organizationId" = ${organizationId}
    WHERE s."organizationId" = ${organizationId} AND s."connectionId" = ${tiktokConnectionId} AND p.status = 'ACTIVATE' AND p."deletedAt" IS NULL
    ORDER BY s.id`;
}

// Every live variant of the store, with the TikTok SKU of this shop it is already mapped from.
function loadVariants(organizationId: string, shopifyConnectionId: string, tiktokConnectionId: string) {
  return db().$queryRaw<{ id: string; productId: string; productTitle: string; title: string; sku: string | null; barcode: string | null; options: unknown; mappedFrom: string | null }[]>`
    SELECT v.id, v."productId", sp.title AS "productTitle", v.title, v.sku, v.barcode, v.options,
      (SELECT m."tiktokSkuId" FROM "Mapping" m WHERE m."shopifyVariantId" = v.id AND m."tiktokConnectionId" = ${tiktokConnectionId} AND m.status = 'ACTIVE' LIMIT 1) AS "mappedFrom"
    FROM "ShopifyVariant" v
    JOIN "ShopifyProduct" sp ON sp.id = v."productId" AND sp."organizationId" = ${organizationId}
    WHERE v."organizationId" = ${organizationId} AND v."connectionId" = ${shopifyConnectionId} AND v."deletedAt" IS NULL AND sp."deletedAt" IS NULL
    ORDER BY v.id`;
}

/** After an import of a store: the conflicts of the TikTok shops it can change (itself, or the shops paired with it). */
export async function detectConflictsAfterImport({ organizationId, connectionId }: { organizationId: string; connectionId: string }): Promise<{ products: number }> {
  const shops = await db().connection.findMany({
    where: { organizationId, platform: "TIKTOK", status: "ACTIVE", OR: [{ id: connectionId }, { pairedShopifyId: connectionId }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let products = 0;
  for (const shop of shops) products += (await detectMappingConflicts({ organizationId, tiktokConnectionId: shop.id })).products;
  return { products };
}
