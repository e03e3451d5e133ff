// Catalog reads: products with their variants. Page sizes are literals so the requested cost is fixed
// and stays under Shopify's 1,000-point limit for one query (nested `first` multiplies the cost).
// `featuredImage` and `ProductVariant.image` are deprecated in 2026-10: the image comes from media.
import { z } from "zod";
import { defineOperation } from "./define-operation";

/** Products per catalog page, and variants read with each product (more come from `productVariantsPage`). */
export const PRODUCTS_PAGE_SIZE = 27;
export const VARIANTS_PER_PRODUCT_PAGE = 10;
export const VARIANTS_PAGE_SIZE = 250;

export const VARIANT_FIELDS = `id title sku barcode price compareAtPrice inventoryQuantity updatedAt
  selectedOptions { name value }
  inventoryItem { id }`;

export const PRODUCT_FIELDS = `id title handle status updatedAt
  featuredMedia { preview { image { url } } }`;

export const shopifyVariantNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: z.string().nullish(),
  barcode: z.string().nullish(),
  price: z.string(),
  compareAtPrice: z.string().nullish(),
  inventoryQuantity: z.number().int().nullish(),
  updatedAt: z.string(),
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
  inventoryItem: z.object({ id: z.string() }).nullish(),
});
export type ShopifyVariantNode = z.infer<typeof shopifyVariantNodeSchema>;

export const shopifyProductNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string().nullish(),
  status: z.string(),
  updatedAt: z.string(),
  featuredMedia: z.object({ preview: z.object({ image: z.object({ url: z.string() }).nullish() }).nullish() }).nullish(),
});
export type ShopifyProductNode = z.infer<typeof shopifyProductNodeSchema>;

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const variantConnection = z.object({ pageInfo, nodes: z.array(shopifyVariantNodeSchema) });
const productWithVariants = shopifyProductNodeSchema.extend({ variants: variantConnection });
export type ShopifyProductWithVariants = z.infer<typeof productWithVariants>;

/** The strategy probe: how many variants the matching products hold, 250 products per call. */
export const catalogSizePage = defineOperation({
  name: "CatalogSizePage",
  document: /* GraphQL */ `
    query CatalogSizePage($query: String, $after: String) {
      products(first: 250, after: $after, query: $query) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          variantsCount {
            count
          }
        }
      }
    }
  `,
  estimatedCost: 502,
  data: z.object({
    products: z.object({ pageInfo, nodes: z.array(z.object({ variantsCount: z.object({ count: z.number().int() }).nullish() })) }),
  }),
});

export const productsPage = defineOperation({
  name: "ProductsPage",
  document: /* GraphQL */ `
    query ProductsPage($query: String, $after: String) {
      products(first: ${PRODUCTS_PAGE_SIZE}, after: $after, query: $query) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ${PRODUCT_FIELDS}
          variants(first: ${VARIANTS_PER_PRODUCT_PAGE}) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              ${VARIANT_FIELDS}
            }
          }
        }
      }
    }
  `,
  estimatedCost: 974,
  data: z.object({ products: z.object({ pageInfo, nodes: z.array(productWithVariants) }) }),
});

/** One product with its first variants: webhooks re-read the product they name. */
export const productWithVariantsQuery = defineOperation({
  name: "ProductWithVariants",
  document: /* GraphQL */ `
    query ProductWithVariants($id: ID!) {
      product(id: $id) {
        ${PRODUCT_FIELDS}
        variants(first: ${VARIANTS_PAGE_SIZE}) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ${VARIANT_FIELDS}
          }
        }
      }
    }
  `,
  estimatedCost: 756,
  data: z.object({ product: productWithVariants.nullable() }),
});

/** The variants of one product after `after`: products with more variants than a page holds. */
export const productVariantsPage = defineOperation({
  name: "ProductVariantsPage",
  document: /* GraphQL */ `
    query ProductVariantsPage($id: ID!, $after: String) {
      product(id: $id) {
        id
        variants(first: ${VARIANTS_PAGE_SIZE}, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ${VARIANT_FIELDS}
          }
        }
      }
    }
  `,
  estimatedCost: 753,
  data: z.object({ product: z.object({ id: z.string(), variants: variantConnection }).nullable() }),
});

/**
 * The bulk query (bulk queries take no variables: the search is written into the document). Nested
 * variant lines carry `__parentId`; with `groupObjects` they follow their product.
 */
export function productsBulkQuery(search: string | null): string {
  const args = search ? `(query: ${JSON.stringify(search)})` : "";
  return `{
  products${args} {
    edges {
      node {
        ${PRODUCT_FIELDS}
        variants {
          edges {
            node {
              ${VARIANT_FIELDS}
            }
          }
        }
      }
    }
  }
}`;
}
