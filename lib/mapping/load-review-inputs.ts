import { normalizeSku } from "../catalog/normalize-sku";
import { db, type Prisma } from "../db";
import { barcodeKey, barcodeSpellings } from "./match-keys";
import { TitleIndex } from "./title-index";

// One page of the review reads only what the page's proposals can depend on, through the
// (connection, skuNormalized) and (connection, barcode) indexes: the page's TikTok products with
// all their SKUs, every Shopify variant sharing one of their keys, every other TikTok SKU of the
// shop sharing a key (duplicates), and, for SKUs with no key match, the variants of the few
// Shopify products whose titles are closest. Loading both whole catalogs per page measured
// ≈ 400 ms for 50,000 SKUs per side; this stays proportional to the page.
// Limitation: barcodes are looked up by their plain-digit spellings (8, 12, 13, 14 digits), so a
// barcode stored with spaces or hyphens is found only by the full matcher.

export interface LoadReviewInputsOptions {
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  cursor: string | null;
  limit: number;
}

const skuSelect = {
  id: true,
  productId: true,
  sellerSku: true,
  identifierCode: true,
  options: true,
  price: true,
  currency: true,
  mapping: { select: { shopifyVariantId: true } },
} satisfies Prisma.TikTokSkuSelect;

const variantSelect = (tiktokConnectionId: string) =>
  ({
    id: true,
    productId: true,
    title: true,
    sku: true,
    barcode: true,
    options: true,
    price: true,
    imageUrl: true,
    platformUpdatedAt: true,
    product: { select: { title: true, imageUrl: true } },
    mappings: { where: { tiktokConnectionId, status: "ACTIVE" }, select: { tiktokSkuId: true }, take: 1 },
  }) satisfies Prisma.ShopifyVariantSelect;

export type ReviewSku = Prisma.TikTokSkuGetPayload<{ select: typeof skuSelect }>;
export type ReviewVariant = Prisma.ShopifyVariantGetPayload<{ select: ReturnType<typeof variantSelect> }>;

export async function loadReviewInputs(options: LoadReviewInputsOptions) {
  const { organizationId, tiktokConnectionId, shopifyConnectionId, limit } = options;
  const pageIds = await nextProductIds(options);
  const page = await db().tikTokProduct.findMany({
    where: { organizationId, id: { in: pageIds } },
    orderBy: { id: "asc" },
    select: { id: true, title: true, imageUrl: true, platformUpdatedAt: true, skus: { orderBy: { id: "asc" }, select: skuSelect } },
  });
  const products = page.slice(0, limit);
  const pageSkus = products.flatMap((product) => product.skus);
  const unmapped = pageSkus.filter((sku) => !sku.mapping);

  const skuKeys = new Set(unmapped.flatMap((sku) => normalizeSku(sku.sellerSku) ?? []));
  const gtins = new Set(unmapped.flatMap((sku) => barcodeKey(sku.identifierCode) ?? []));
  const mappedVariantIds = pageSkus.flatMap((sku) => (sku.mapping ? [sku.mapping.shopifyVariantId] : []));
  const variantScope = { organizationId, connectionId: shopifyConnectionId, deletedAt: null, product: { deletedAt: null } };
  const variants = await db().shopifyVariant.findMany({
    where: {
      ...variantScope,
      OR: [{ skuNormalized: { in: [...skuKeys] } }, { barcode: { in: [...gtins].flatMap(barcodeSpellings) } }, { id: { in: mappedVariantIds } }],
    },
    orderBy: { id: "asc" },
    select: variantSelect(tiktokConnectionId),
  });

  const variantSkuKeys = new Set(variants.flatMap((variant) => normalizeSku(variant.sku) ?? []));
  const variantGtins = new Set(variants.flatMap((variant) => barcodeKey(variant.barcode) ?? []));
  // Single-table lookups, each matching one (connectionId, key) index, and the products checked
  // by primary key afterwards: joined or OR-ed, the planner scanned the shop when the tables had
  // no statistics yet (PGlite has no autovacuum; a fresh import has not been analyzed).
  const contextScope = { organizationId, connectionId: tiktokConnectionId };
  const contextSelect = { id: true, productId: true, sellerSku: true, identifierCode: true, mapping: { select: { shopifyVariantId: true } } } as const;
  const [bySku, byBarcode] = await Promise.all([
    db().tikTokSku.findMany({ where: { ...contextScope, sellerSkuNormalized: { in: [...new Set([...skuKeys, ...variantSkuKeys])] } }, select: contextSelect }),
    db().tikTokSku.findMany({ where: { ...contextScope, identifierCode: { in: [...new Set([...gtins, ...variantGtins])].flatMap(barcodeSpellings) } }, select: contextSelect }),
  ]);
  const pageProductIds = new Set(products.map((product) => product.id));
  const candidates = new Map([...bySku, ...byBarcode].filter((sku) => !pageProductIds.has(sku.productId)).map((sku) => [sku.id, sku]));
  const activeProducts = new Set(
    (
      await db().tikTokProduct.findMany({
        where: { organizationId, id: { in: [...new Set([...candidates.values()].map((sku) => sku.productId))] }, deletedAt: null, status: "ACTIVATE" },
        select: { id: true },
      })
    ).map((product) => product.id),
  );
  const contextSkus = [...candidates.values()].filter((sku) => activeProducts.has(sku.productId)).sort((a, b) => (a.id < b.id ? -1 : 1));

  const titleless = products.filter((product) =>
    product.skus.some((sku) => {
      if (sku.mapping) return false;
      const key = normalizeSku(sku.sellerSku);
      const gtin = barcodeKey(sku.identifierCode);
      return !(key !== null && variantSkuKeys.has(key)) && !(gtin !== null && variantGtins.has(gtin));
    }),
  );
  const suggested = titleless.length === 0 ? [] : await loadTitleCandidates({ ...options, titles: titleless.map((product) => product.title), loaded: variants });
  return { products, hasMore: page.length > limit, variants: [...variants, ...suggested], contextSkus };
}

/**
 * The next limit + 1 active products (by id) with an unmapped SKU. Windows of products in id order
 * are read first, then filtered by one lookup: a single query with the "has an unmapped SKU"
 * subquery evaluated it for every product of the shop before sorting (≈ 100 ms at 12,500 products).
 */
async function nextProductIds({ organizationId, tiktokConnectionId, cursor, limit }: LoadReviewInputsOptions): Promise<string[]> {
  const ids: string[] = [];
  let after = cursor;
  let window = Math.max(200, 2 * (limit + 1));
  for (;;) {
    const candidates = await db().tikTokProduct.findMany({
      where: { organizationId, connectionId: tiktokConnectionId, status: "ACTIVATE", deletedAt: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: window,
      select: { id: true },
    });
    if (candidates.length === 0) return ids;
    const open = await db().tikTokSku.findMany({
      where: { productId: { in: candidates.map((candidate) => candidate.id) }, mapping: { is: null } },
      distinct: ["productId"],
      select: { productId: true },
    });
    const withUnmapped = new Set(open.map((sku) => sku.productId));
    for (const candidate of candidates) {
      if (!withUnmapped.has(candidate.id)) continue;
      ids.push(candidate.id);
      if (ids.length === limit + 1) return ids;
    }
    if (candidates.length < window) return ids;
    after = candidates.at(-1)!.id;
    window = Math.min(window * 4, 10_000);
  }
}

async function loadTitleCandidates(options: LoadReviewInputsOptions & { titles: string[]; loaded: ReviewVariant[] }): Promise<ReviewVariant[]> {
  const { organizationId, shopifyConnectionId, tiktokConnectionId } = options;
  const titles = await db().shopifyProduct.findMany({
    where: { organizationId, connectionId: shopifyConnectionId, deletedAt: null },
    select: { id: true, title: true },
  });
  const index = new TitleIndex(titles.map((product) => ({ productId: product.id, productTitle: product.title, options: [] })));
  const productIds = new Set(options.titles.flatMap((title) => index.candidates(title).map((candidate) => index.productId(candidate))));
  if (productIds.size === 0) return [];
  // The product ids come from this store's own products; filtering by connection here too made a
  // planner without statistics scan the whole store instead of using the productId index.
  const loaded = new Set(options.loaded.map((variant) => variant.id));
  const variants = await db().shopifyVariant.findMany({
    where: { organizationId, deletedAt: null, productId: { in: [...productIds] } },
    orderBy: { id: "asc" },
    select: variantSelect(tiktokConnectionId),
  });
  return variants.filter((variant) => !loaded.has(variant.id));
}
