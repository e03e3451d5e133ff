// Product sync reads each mapped Shopify product fresh (Shopify is the source of truth): content, variant
// prices and available stock per location. Page sizes are literals so the requested cost is fixed and stays
// under Shopify's 1,000-point limit; products with more variants page on with `productSyncVariants`.
import { z } from "zod";
import { defineOperation } from "./define-operation";

export const SYNC_VARIANTS_PAGE = 25;
export const SYNC_LEVELS_PER_VARIANT = 5;
/** TikTok shows at most 9 main images; one more tells the sync that Shopify has more than TikTok can show. */
export const SYNC_IMAGES = 10;

const VARIANT_FIELDS = `id sku price compareAtPrice
  inventoryItem {
    inventoryLevels(first: ${SYNC_LEVELS_PER_VARIANT}) {
      nodes {
        location { id }
        quantities(names: ["available"]) { name quantity }
      }
    }
  }`;

const variantSchema = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  price: z.string(),
  compareAtPrice: z.string().nullish(),
  inventoryItem: z
    .object({ inventoryLevels: z.object({ nodes: z.array(z.object({ location: z.object({ id: z.string() }), quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })) })) }) })
    .nullish(),
});
export type ProductSyncVariantNode = z.infer<typeof variantSchema>;

const mediaSchema = z.object({
  id: z.string().optional(),
  mediaContentType: z.string().optional(),
  image: z.object({ url: z.string(), width: z.number().int().nullish(), height: z.number().int().nullish() }).nullish(),
});
export type ProductSyncMediaNode = z.infer<typeof mediaSchema>;

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const variants = z.object({ pageInfo, nodes: z.array(variantSchema) });

export const productSyncSource = defineOperation({
  name: "ProductSyncSource",
  document: /* GraphQL */ `
    query ProductSyncSource($id: ID!) {
      shop {
        currencyCode
      }
      product(id: $id) {
        id
        title
        descriptionHtml
        media(first: ${SYNC_IMAGES}) {
          nodes {
            id
            mediaContentType
            ... on MediaImage {
              image {
                url
                width
                height
              }
            }
          }
        }
        variants(first: ${SYNC_VARIANTS_PAGE}) {
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
  estimatedCost: 501,
  data: z.object({
    shop: z.object({ currencyCode: z.string() }),
    product: z.object({ id: z.string(), title: z.string(), descriptionHtml: z.string().default(""), media: z.object({ nodes: z.array(mediaSchema) }).default({ nodes: [] }), variants }).nullable(),
  }),
});

export const productSyncVariants = defineOperation({
  name: "ProductSyncVariants",
  document: /* GraphQL */ `
    query ProductSyncVariants($id: ID!, $after: String) {
      product(id: $id) {
        variants(first: ${SYNC_VARIANTS_PAGE}, after: $after) {
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
  estimatedCost: 478,
  data: z.object({ product: z.object({ variants }).nullable() }),
});
