import { z } from "zod";
import { db } from "../db";
import { openMappingIssues } from "../mapping/open-mapping-issues";
import { syncStatesOf, type ProductSyncView } from "../product-sync/sync-states-of";
import { decodeProductCursor, encodeProductCursor, listProductsQuerySchema, type ListProductsQueryInput } from "./product-list-query";
import { queryProductPage, type ProductPageRow } from "./query-product-page";

export { listProductsQuerySchema };

// Stored as written by the import ([{name, value}] from sales_attributes); anything else shows no options.
const optionsSchema = z.array(z.object({ name: z.string(), value: z.string() })).catch([]);

const skuSelect = {
  id: true,
  externalId: true,
  sellerSku: true,
  identifierCode: true,
  options: true,
  price: true,
  currency: true,
  mapping: {
    select: {
      id: true,
      status: true,
      rule: true,
      archivedReason: true,
      createdAt: true,
      shopifyVariant: {
        select: { id: true, title: true, sku: true, deletedAt: true, product: { select: { id: true, title: true, deletedAt: true } } },
      },
    },
  },
} as const;

// The page's products by primary key, with their SKUs, mappings and shop.
async function loadProducts({ organizationId, productIds }: { organizationId: string; productIds: string[] }) {
  if (productIds.length === 0) return [];
  return db().tikTokProduct.findMany({
    where: { organizationId, id: { in: productIds } },
    select: {
      id: true,
      externalId: true,
      status: true,
      imageUrl: true,
      globalProductId: true,
      connection: { select: { id: true, name: true, region: true } },
      skus: { where: { organizationId }, orderBy: [{ sellerSku: "asc" }, { id: "asc" }], select: skuSelect },
    },
  });
}

type ProductRow = Awaited<ReturnType<typeof loadProducts>>[number];
type SkuRow = ProductRow["skus"][number];

export interface AttentionItem {
  reason: string;
  fix: string;
}

// Why a SKU's mapping needs a member's attention (null: it does not).
function mappingProblem(mapping: NonNullable<SkuRow["mapping"]>): string | null {
  if (mapping.status === "ARCHIVED") return mapping.archivedReason ?? "The Shopify variant was deleted. Map this SKU to another variant.";
  if (mapping.shopifyVariant.product.deletedAt) return "The Shopify product was deleted. Map this SKU to another variant.";
  if (mapping.shopifyVariant.deletedAt) return "The Shopify variant was deleted. Map this SKU to another variant.";
  return null;
}

const BROKEN_MAPPING_FIX = "Use Map… to pick another Shopify variant, or Unmap the product.";

// The product's open "Map" issues (unless every SKU has been mapped since, by hand for instance),
// then one line per distinct broken-mapping problem naming the SKUs it concerns.
function attentionOf({ row, product, issues }: { row: ProductPageRow; product: ProductRow; issues: AttentionItem[] }): AttentionItem[] {
  const fullyMapped = row.skuCount > 0 && row.mappedCount === row.skuCount;
  const skusByProblem = new Map<string, string[]>();
  for (const sku of product.skus) {
    const problem = sku.mapping && mappingProblem(sku.mapping);
    if (problem) skusByProblem.set(problem, [...(skusByProblem.get(problem) ?? []), sku.sellerSku ?? sku.externalId]);
  }
  const broken = [...skusByProblem].map(([problem, skus]) => ({ reason: `${skus.length === 1 ? "SKU" : "SKUs"} ${skus.join(", ")}: ${problem}`, fix: BROKEN_MAPPING_FIX }));
  return [...(fullyMapped ? [] : issues), ...broken];
}

function toSkuView(sku: SkuRow) {
  const mapping = sku.mapping;
  return {
    id: sku.id,
    externalId: sku.externalId,
    sellerSku: sku.sellerSku,
    identifierCode: sku.identifierCode,
    options: optionsSchema.parse(sku.options),
    price: sku.price.toFixed(2),
    currency: sku.currency,
    mapping: mapping && {
      id: mapping.id,
      status: mapping.status,
      rule: mapping.rule,
      mappedAt: mapping.createdAt.toISOString(),
      problem: mappingProblem(mapping),
      variant: { id: mapping.shopifyVariant.id, title: mapping.shopifyVariant.title, sku: mapping.shopifyVariant.sku },
      product: { id: mapping.shopifyVariant.product.id, title: mapping.shopifyVariant.product.title },
    },
  };
}

const isMapped = (sku: SkuRow) => sku.mapping !== null && mappingProblem(sku.mapping) === null && sku.mapping.status === "ACTIVE";

/** A global product's markets: each market's local product, with its shop and how many SKUs are mapped. */
function marketsOf(locals: ProductRow[]) {
  if (locals.length < 2) return [];
  return locals.map((local) => ({
    productId: local.id,
    externalId: local.externalId,
    shop: { id: local.connection.id, name: local.connection.name, region: local.connection.region },
    skuCount: local.skus.length,
    mappedSkuCount: local.skus.filter(isMapped).length,
  }));
}

function toProductView({ row, product, locals, globalTitle, issues, sync }: { row: ProductPageRow; product: ProductRow; locals: ProductRow[]; globalTitle: string | null; issues: AttentionItem[]; sync: ProductSyncView | null }) {
  // Needs attention covers every market of a global product.
  const all: ProductRow = locals.length > 1 ? { ...product, skus: locals.flatMap((local) => local.skus) } : product;
  return {
    id: row.id,
    externalId: product.externalId,
    title: row.title,
    status: product.status,
    imageUrl: product.imageUrl,
    shop: { id: product.connection.id, name: product.connection.name },
    skuCount: row.skuCount,
    mappedSkuCount: row.mappedCount,
    partlyMapped: row.mappedCount > 0 && row.mappedCount < row.skuCount,
    skus: product.skus.map(toSkuView),
    /** Cross-border: the global product this local product was published from (null: a local product). */
    globalProductId: product.globalProductId,
    /** The global product's own title (as Search Global Products lists it), when imported. */
    globalTitle,
    /** Cross-border: one entry per market when the global product is published to several (the row covers them all). */
    markets: marketsOf(locals),
    /** Why the product is under "Needs attention" and how to fix it: open "Map" issues, conflicts and broken mappings. */
    attention: attentionOf({ row, product: all, issues }),
    /** Product sync to TikTok (null: never synced). */
    sync,
  };
}

/** The other markets' local products of the page's global products, under the same shop and status filters. */
async function otherMarketProductIds({ organizationId, query, rows }: { organizationId: string; query: Omit<ListProductsQueryInput, "cursor">; rows: ProductPageRow[] }): Promise<string[]> {
  const globalIds = rows.filter((row) => row.markets > 1 && row.key.startsWith("g:")).map((row) => row.key.slice(2));
  if (globalIds.length === 0) return [];
  const shown = new Set(rows.map((row) => row.id));
  const locals = await db().tikTokProduct.findMany({
    where: {
      organizationId,
      globalProductId: { in: globalIds },
      deletedAt: null,
      connection: { organizationId, platform: "TIKTOK", status: "ACTIVE" },
      ...(query.shop ? { connectionId: query.shop } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    select: { id: true },
  });
  return locals.map((local) => local.id).filter((id) => !shown.has(id));
}

export interface ListProductsOptions {
  organizationId: string;
  query: ListProductsQueryInput;
}

/**
 * One page of the Products page's tab: TikTok products of the organization's connected shops with
 * their SKUs and mappings, the count of every tab under the same search and filters, and the cursor
 * of the next page.
 */
export async function listProducts({ organizationId, query: input }: ListProductsOptions) {
  const { cursor, ...query } = listProductsQuerySchema.parse(input);
  const after = cursor ? decodeProductCursor(cursor) : null;
  const { counts, rows } = await queryProductPage({ organizationId, query, after });
  const page = rows.slice(0, query.limit);
  const productIds = page.map((row) => row.id);
  const marketIds = await otherMarketProductIds({ organizationId, query, rows: page });
  const allIds = [...productIds, ...marketIds];
  const [loaded, issues, syncStates] = await Promise.all([loadProducts({ organizationId, productIds: allIds }), openMappingIssues({ organizationId, productIds: allIds }), syncStatesOf({ organizationId, productIds })]);
  const globalIds = [...new Set(loaded.flatMap((product) => (product.globalProductId ? [product.globalProductId] : [])))];
  const globals = globalIds.length === 0 ? [] : await db().tikTokGlobalProduct.findMany({ where: { organizationId, externalId: { in: globalIds } }, select: { externalId: true, title: true } });
  const globalTitles = new Map(globals.map((g) => [g.externalId, g.title]));
  const products = new Map(loaded.map((product) => [product.id, product]));
  const byGlobal = new Map<string, ProductRow[]>();
  for (const product of [...loaded].sort((a, b) => a.connection.name.localeCompare(b.connection.name) || a.id.localeCompare(b.id))) {
    if (product.globalProductId) byGlobal.set(product.globalProductId, [...(byGlobal.get(product.globalProductId) ?? []), product]);
  }
  const last = page[page.length - 1];
  return {
    tab: query.tab,
    counts,
    // A product removed between the two reads (its shop disconnected and purged) is left out.
    products: page.flatMap((row) => {
      const product = products.get(row.id);
      if (!product) return [];
      const locals = row.markets > 1 && product.globalProductId ? (byGlobal.get(product.globalProductId) ?? [product]) : [product];
      const rowIssues = locals.flatMap((local) => issues.get(local.id) ?? []);
      const globalTitle = product.globalProductId ? (globalTitles.get(product.globalProductId) ?? null) : null;
      return [toProductView({ row, product, locals, globalTitle, issues: rowIssues, sync: syncStates.get(row.id) ?? null })];
    }),
    nextCursor: rows.length > query.limit && last ? encodeProductCursor({ title: last.title, id: last.key }) : null,
  };
}

export type ProductList = Awaited<ReturnType<typeof listProducts>>;
export type ProductListItem = ProductList["products"][number];
export type ProductListSku = ProductListItem["skus"][number];
