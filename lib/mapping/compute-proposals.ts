import { z } from "zod";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { describeConflict, describeProductConflict, describeRule, type DescribedConflict } from "./describe-match";
import { loadReviewInputs, type ReviewSku, type ReviewVariant } from "./load-review-inputs";
import { matchCatalogs, type MatchOption, type MatchRule, type ShopifyVariantInput, type TikTokSkuInput } from "./match";
import { rowSnapshot } from "./snapshot";

export const reviewPageQuerySchema = z.object({
  cursor: z.string().min(1).max(64).nullish(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ReviewPageQuery = z.input<typeof reviewPageQuerySchema>;

export interface ComputeProposalsOptions extends ReviewPageQuery {
  organizationId: string;
  tiktokConnectionId: string;
}

export interface Money {
  amount: string;
  currency: string | null;
}

export interface ReviewRow {
  tiktokSkuId: string;
  tiktok: { sku: string | null; barcode: string | null; options: MatchOption[]; price: Money };
  shopify: null | {
    variantId: string;
    productId: string;
    productTitle: string;
    title: string;
    sku: string | null;
    barcode: string | null;
    options: MatchOption[];
    price: Money;
    imageUrl: string | null;
  };
  rule: MatchRule | null;
  reason: string;
  confidence: number;
  conflicts: DescribedConflict[];
  /** Pre-checked: a clean SKU or barcode match. */
  checked: boolean;
  /** Sent back with the row when applying; apply refuses the row when the catalog changed since. */
  snapshot: string;
}

export interface ReviewProduct {
  tiktokProductId: string;
  title: string;
  imageUrl: string | null;
  /** SKUs of this product already mapped before this review (a "partly mapped" badge when > 0). */
  alreadyMappedSkus: number;
  totalSkus: number;
  conflicts: DescribedConflict[];
  rows: ReviewRow[];
}

export interface ReviewPage {
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  products: ReviewProduct[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

const optionsSchema = z.array(z.object({ name: z.string(), value: z.string() })).catch([]);

/** The TikTok shop and its paired Shopify store, both of this organization, or 404. */
export async function getPairedStoresOrThrow({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string }) {
  const tiktok = await db().connection.findFirst({
    where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" },
    select: { id: true, pairedShopifyId: true },
  });
  if (!tiktok) throw notFound("TikTok shop not found.");
  const shopify = tiktok.pairedShopifyId
    ? await db().connection.findFirst({ where: { id: tiktok.pairedShopifyId, organizationId, platform: "SHOPIFY" }, select: { id: true, currency: true } })
    : null;
  if (!shopify) throw new AppError("CONFLICT", "Pair this TikTok shop with a Shopify store before mapping its products.");
  return { tiktok, shopify };
}

/**
 * One page of the Bulk auto-map review: proposals for the next `limit` active TikTok products with
 * an unmapped SKU (keyset on product id), with both sides' display fields, the reason, conflicts
 * and the default checkbox. Computed per page from indexed lookups (see load-review-inputs.ts), so
 * nothing is kept between requests.
 */
export async function computeProposals(options: ComputeProposalsOptions): Promise<ReviewPage> {
  const { cursor, limit } = reviewPageQuerySchema.parse({ cursor: options.cursor, limit: options.limit });
  const { organizationId, tiktokConnectionId } = options;
  const { shopify } = await getPairedStoresOrThrow({ organizationId, tiktokConnectionId });
  const inputs = await loadReviewInputs({ organizationId, tiktokConnectionId, shopifyConnectionId: shopify.id, cursor: cursor ?? null, limit });

  const toTikTok = (sku: Pick<ReviewSku, "id" | "productId" | "sellerSku" | "identifierCode" | "mapping">, productTitle: string, options: MatchOption[]): TikTokSkuInput => ({
    id: sku.id,
    productId: sku.productId,
    productTitle,
    sellerSku: sku.sellerSku,
    identifierCode: sku.identifierCode,
    options,
    mappedVariantId: sku.mapping?.shopifyVariantId ?? null,
  });
  const tiktokSkus = [
    ...inputs.products.flatMap((product) => product.skus.map((sku) => toTikTok(sku, product.title, optionsSchema.parse(sku.options)))),
    ...inputs.contextSkus.map((sku) => toTikTok(sku, "", [])),
  ];
  const variantsById = new Map(inputs.variants.map((variant) => [variant.id, variant]));
  const shopifyVariants: ShopifyVariantInput[] = inputs.variants.map((variant) => ({
    id: variant.id,
    productId: variant.productId,
    productTitle: variant.product.title,
    sku: variant.sku,
    barcode: variant.barcode,
    options: optionsSchema.parse(variant.options),
    mappedFromTikTokSkuId: variant.mappings[0]?.tiktokSkuId ?? null,
  }));
  const result = matchCatalogs({ tiktokSkus, shopifyVariants, productIds: new Set(inputs.products.map((product) => product.id)) });

  const productsById = new Map(inputs.products.map((product) => [product.id, product]));
  const skusById = new Map(inputs.products.flatMap((product) => product.skus.map((sku) => [sku.id, sku] as const)));
  const variantLabel = (id: string) => {
    const variant = variantsById.get(id);
    return variant ? `${variant.product.title} – ${variant.title}` : id;
  };
  const products = result.products.map((group): ReviewProduct => {
    const product = productsById.get(group.tiktokProductId)!;
    const productConflicts = group.conflicts.map(describeProductConflict);
    return {
      tiktokProductId: product.id,
      title: product.title,
      imageUrl: product.imageUrl,
      alreadyMappedSkus: product.skus.filter((sku) => sku.mapping).length,
      totalSkus: product.skus.length,
      conflicts: productConflicts,
      rows: group.proposals.map((proposal) => {
        const sku = skusById.get(proposal.tiktokSkuId)!;
        const variant = proposal.shopifyVariantId ? variantsById.get(proposal.shopifyVariantId)! : null;
        const ambiguous = proposal.shopifyVariantId === null && proposal.conflicts.some((conflict) => conflict.kind === "SHARED_BY_SHOPIFY_VARIANTS");
        return {
          tiktokSkuId: sku.id,
          tiktok: { sku: sku.sellerSku, barcode: sku.identifierCode, options: optionsSchema.parse(sku.options), price: { amount: sku.price.toString(), currency: sku.currency } },
          shopify: variant ? shopifySide(variant, shopify.currency) : null,
          rule: proposal.rule,
          reason: describeRule({ rule: proposal.rule, identifierCode: sku.identifierCode, ambiguous }),
          confidence: proposal.confidence,
          conflicts: proposal.conflicts.map((conflict) => describeConflict({ conflict, tiktok: sku, variantLabel })),
          checked: proposal.suggested,
          snapshot: rowSnapshot({
            tiktok: { productUpdatedAt: product.platformUpdatedAt, sellerSku: sku.sellerSku, identifierCode: sku.identifierCode },
            shopify: variant,
          }),
        };
      }),
    };
  });
  const last = inputs.products.at(-1);
  return { tiktokConnectionId, shopifyConnectionId: shopify.id, products, nextCursor: inputs.hasMore && last ? last.id : null };
}

function shopifySide(variant: ReviewVariant, currency: string | null): NonNullable<ReviewRow["shopify"]> {
  return {
    variantId: variant.id,
    productId: variant.productId,
    productTitle: variant.product.title,
    title: variant.title,
    sku: variant.sku,
    barcode: variant.barcode,
    options: optionsSchema.parse(variant.options),
    price: { amount: variant.price.toString(), currency },
    imageUrl: variant.imageUrl ?? variant.product.imageUrl,
  };
}
