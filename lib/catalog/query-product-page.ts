import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { containsPattern, type ListProductsQuery, type ProductCursor, type ProductTab } from "./product-list-query";

export interface ProductPageRow {
  /** The row's TikTok product: the product, or the first local product of a global product. */
  id: string;
  /** The keyset key: the product id, or "g:" + the global product id (one row for all its markets). */
  key: string;
  /** Local products in the row (more than one: a global product published to several markets). */
  markets: number;
  title: string;
  skuCount: number;
  mappedCount: number;
  brokenCount: number;
}

export type ProductTabCounts = Record<ProductTab, number>;

export interface QueryProductPageOptions {
  organizationId: string;
  query: Omit<ListProductsQuery, "cursor">;
  after: ProductCursor | null;
}

function productFilters({ organizationId, query }: QueryProductPageOptions): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (query.shop) parts.push(Prisma.sql`AND p."connectionId" = ${query.shop}`);
  if (query.status) parts.push(Prisma.sql`AND p.status = ${query.status}`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    // Uncorrelated under OR: one pass over the SKUs into a hashed subplan, whatever the statistics.
    parts.push(Prisma.sql`AND (p.title ILIKE ${pattern} OR p.id IN (
      SELECT hit."productId" FROM "TikTokSku" hit
      WHERE hit."organizationId" = ${organizationId} AND (hit."sellerSku" ILIKE ${pattern} OR hit."identifierCode" ILIKE ${pattern})))`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

// The SKU and mapping facts. With a search, only the matching products' SKUs, each product's
// reached by LATERAL through the productId index (a plain join to the products CTE could be planned
// as a nested loop over a full scan when the tables have no statistics); otherwise one pass over
// the organization's (or one shop's) SKUs.
function skuFacts({ organizationId, query }: QueryProductPageOptions): Prisma.Sql {
  const shop = query.shop ? Prisma.sql`AND s."connectionId" = ${query.shop}` : Prisma.empty;
  const facts = Prisma.sql`
    SELECT s."productId", 1 AS sku,
      coalesce((m.status = 'ACTIVE' AND v."deletedAt" IS NULL)::int, 0) AS ok,
      coalesce((m.status = 'ARCHIVED' OR v."deletedAt" IS NOT NULL)::int, 0) AS broken,
      0 AS issue
    FROM "TikTokSku" s
    LEFT JOIN "Mapping" m ON m."tiktokSkuId" = s.id AND m."organizationId" = ${organizationId}
    LEFT JOIN "ShopifyVariant" v ON v.id = m."shopifyVariantId" AND v."organizationId" = ${organizationId}
    WHERE s."organizationId" = ${organizationId} ${shop}`;
  return query.q
    ? Prisma.sql`SELECT f.* FROM products p CROSS JOIN LATERAL (${facts} AND s."productId" = p.id) f`
    : facts;
}

// One statement, shaped so that its plan cannot go quadratic on tables without statistics (PGlite
// has no autovacuum): products, SKUs and mappings are appended and aggregated once per product (the
// SKU facts summed per product first, so the sort behind the grouping stays in memory),
// with no join between aggregates. A SKU counts as mapped through an ACTIVE mapping to a live
// variant (deleting a Shopify product marks its variants deleted too); a product with any ARCHIVED
// mapping, or an ACTIVE one to a deleted variant, goes to "attention" and to no other tab, and so
// does one with an open MappingIssue ("Map" refused it) unless all its SKUs have been mapped since
// (by hand, for instance: that path does not resolve issues). Zero-SKU
// products (TikTok requires a SKU, so only a half-written import) count as unmapped rather than
// vanish. The tab counts and one keyset page are read from the same set.
export async function queryProductPage(options: QueryProductPageOptions): Promise<{ counts: ProductTabCounts; rows: ProductPageRow[] }> {
  const { organizationId, query, after } = options;
  const keyset = after ? Prisma.sql`AND (title, key) > (${after.title}, ${after.id})` : Prisma.empty;
  const issueShop = query.shop ? Prisma.sql`AND i."tiktokConnectionId" = ${query.shop}` : Prisma.empty;
  const [result] = await db().$queryRaw<{ counts: Partial<ProductTabCounts> | null; rows: ProductPageRow[] | null }[]>`
    WITH products AS MATERIALIZED (
      SELECT p.id, p.title, p.status, coalesce('g:' || p."globalProductId", p.id) AS listing
      FROM "TikTokProduct" p
      JOIN "Connection" c ON c.id = p."connectionId" AND c."organizationId" = ${organizationId}
        AND c.platform = 'TIKTOK' AND c.status = 'ACTIVE'
      WHERE p."organizationId" = ${organizationId} AND p."deletedAt" IS NULL ${productFilters(options)}
    ),
    facts AS (
      SELECT id, title, status, listing, 0 AS sku, 0 AS ok, 0 AS broken, 0 AS issue FROM products
      UNION ALL
      SELECT "productId", NULL, NULL, NULL, sum(sku)::int, sum(ok)::int, sum(broken)::int, 0 FROM (${skuFacts(options)}) sku_facts GROUP BY "productId"
      UNION ALL
      -- "Map" refused these products, or the matcher found a conflict: they need attention until mapped.
      SELECT "tiktokProductId", NULL, NULL, NULL, 0, 0, 0, 1 FROM "MappingIssue" i
      WHERE i."organizationId" = ${organizationId} AND i."resolvedAt" IS NULL ${issueShop}
    ),
    per_product AS (
      SELECT id, max(title) AS title, max(status) AS status, max(listing) AS listing, sum(sku)::int AS sku, sum(ok)::int AS ok, sum(broken)::int AS broken, sum(issue)::int AS issue
      FROM facts GROUP BY id
      -- SKU facts of products outside the filters have no product row.
      HAVING count(title) > 0
    ),
    tabbed AS (
      SELECT *, CASE
          WHEN "brokenCount" > 0 THEN 'attention'
          WHEN "skuCount" > 0 AND "mappedCount" = "skuCount" THEN 'mapped'
          WHEN "issueCount" > 0 THEN 'attention'
          WHEN active THEN 'unmapped'
        END AS tab
      FROM (
        -- Cross-border: the local products of one global product (one per market) are one row.
        SELECT listing AS key, min(id) AS id, min(title) AS title, bool_or(status = 'ACTIVATE') AS active, count(*)::int AS markets,
          sum(sku)::int AS "skuCount", sum(ok)::int AS "mappedCount", sum(broken)::int AS "brokenCount", sum(issue)::int AS "issueCount"
        FROM per_product GROUP BY listing
      ) per_listing
    )
    SELECT
      (SELECT json_object_agg(tab, n) FROM (SELECT tab, count(*)::int AS n FROM tabbed WHERE tab IS NOT NULL GROUP BY tab) k) AS counts,
      (SELECT json_agg(r ORDER BY r.title, r.key) FROM (
        SELECT id, key, markets, title, "skuCount", "mappedCount", "brokenCount"
        FROM tabbed WHERE tab = ${query.tab} ${keyset}
        ORDER BY title, key LIMIT ${query.limit + 1}
      ) r) AS rows`;
  const counts = result?.counts ?? {};
  return {
    counts: { unmapped: counts.unmapped ?? 0, mapped: counts.mapped ?? 0, attention: counts.attention ?? 0 },
    rows: result?.rows ?? [],
  };
}
