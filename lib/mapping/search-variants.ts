import { z } from "zod";
import { db } from "../db";
import { getPairedStoresOrThrow } from "./compute-proposals";

export const searchVariantsQuerySchema = z.object({
  tiktokConnectionId: z.string().min(1).max(40),
  q: z.string().trim().min(1, "Type a SKU, title or barcode.").max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** Search-and-pick: the paired Shopify store's live variants by SKU, title or barcode. */
export async function searchShopifyVariants({ organizationId, query }: { organizationId: string; query: z.infer<typeof searchVariantsQuerySchema> }) {
  const { tiktok, shopify } = await getPairedStoresOrThrow({ organizationId, tiktokConnectionId: query.tiktokConnectionId });
  const variants = await db().shopifyVariant.findMany({
    where: {
      organizationId,
      connectionId: shopify.id,
      deletedAt: null,
      product: { deletedAt: null },
      OR: [
        { sku: { contains: query.q, mode: "insensitive" } },
        { barcode: { contains: query.q } },
        { title: { contains: query.q, mode: "insensitive" } },
        { product: { title: { contains: query.q, mode: "insensitive" } } },
      ],
    },
    orderBy: [{ product: { title: "asc" } }, { title: "asc" }, { id: "asc" }],
    take: query.limit,
    select: {
      id: true,
      title: true,
      sku: true,
      barcode: true,
      price: true,
      product: { select: { title: true } },
      mappings: { where: { status: "ACTIVE", tiktokConnectionId: tiktok.id }, select: { tiktokSkuId: true } },
    },
  });
  return {
    variants: variants.map((v) => ({
      id: v.id,
      title: v.title,
      productTitle: v.product.title,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price.toFixed(2),
      mappedFromTikTokSkuId: v.mappings[0]?.tiktokSkuId ?? null,
    })),
  };
}
