// One page of products, each completed with the variants beyond the page's nested first
// (a product may hold up to 2,048 variants; the page reads 10 per product to stay under the cost limit).
import type { ShopifyAdminClient } from "../../platforms/shopify/client";
import type { ShopifyProductWithVariants } from "../../platforms/shopify/operations/products";
import { toSnapshot, type ProductSnapshot } from "./catalog-rows";

export interface CallCounter {
  calls: number;
}

/** Every variant of `product`, reading further pages when the first did not hold them all. */
export async function completeVariants(options: { client: ShopifyAdminClient; product: ShopifyProductWithVariants; counter: CallCounter }): Promise<ProductSnapshot | null> {
  const { client, product, counter } = options;
  const variants = [...product.variants.nodes];
  let page = product.variants.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    counter.calls += 1;
    const more = await client.productVariantsPage({ productId: product.id, after: page.endCursor });
    // Deleted while we read it: the delete webhook (or the next full run) records that.
    if (!more) return null;
    variants.push(...more.variants.nodes);
    page = more.variants.pageInfo;
  }
  return toSnapshot({ product, variants });
}

export async function readProductsPage(options: { client: ShopifyAdminClient; search: string | null; after: string | null; counter: CallCounter }) {
  const { client, counter } = options;
  counter.calls += 1;
  const page = await client.productsPage({ query: options.search, after: options.after });
  const snapshots: ProductSnapshot[] = [];
  for (const product of page.nodes) {
    const snapshot = await completeVariants({ client, product, counter });
    if (snapshot) snapshots.push(snapshot);
  }
  return { snapshots, next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

/**
 * Counts the variants of the matching products, 250 products per call, and stops as soon as the
 * count passes `threshold`. Resolves to the exact count, or null when it is above the threshold.
 */
export async function countVariantsUpTo(options: { client: ShopifyAdminClient; search: string | null; threshold: number; counter: CallCounter }): Promise<number | null> {
  let total = 0;
  let after: string | null = null;
  for (;;) {
    options.counter.calls += 1;
    const page = await options.client.catalogSizePage({ query: options.search, after });
    // variantsCount is null only for a product Shopify cannot count; it still holds one variant.
    total += page.nodes.reduce((n, p) => n + Math.max(1, p.variantsCount?.count ?? 1), 0);
    if (total > options.threshold) return null;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return total;
    after = page.pageInfo.endCursor;
  }
}
