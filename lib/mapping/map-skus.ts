import { z } from "zod";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { retryOrdersUnblockedByMapping } from "../orders/retry-unblocked-orders";
import { AppError, notFound } from "../errors";
import { getPairedStoresOrThrow } from "./compute-proposals";
import { mapOtherMarkets, otherMarkets } from "./map-other-markets";

export const mapSkusSchema = z
  .object({
    tiktokConnectionId: z.string().min(1).max(40),
    pairs: z
      .array(z.object({ tiktokSkuId: z.string().min(1).max(40), shopifyVariantId: z.string().min(1).max(40) }).strict())
      .min(1, "Pick a Shopify variant for at least one SKU.")
      .max(500),
  })
  .strict();

/**
 * Search-and-pick: maps TikTok SKUs to the chosen variants (rule MANUAL), all or nothing, with the
 * bulk flow's checks: every id in this organization, the SKU in this TikTok shop, the variant live in
 * its paired store and not mapped by another SKU of the shop. A SKU already mapped is remapped.
 */
export async function mapSkus({ org, input }: { org: OrgContext; input: z.infer<typeof mapSkusSchema> }) {
  const { tiktok, shopify } = await getPairedStoresOrThrow({ organizationId: org.organizationId, tiktokConnectionId: input.tiktokConnectionId });
  const skuIds = input.pairs.map((p) => p.tiktokSkuId);
  const variantIds = input.pairs.map((p) => p.shopifyVariantId);
  if (new Set(skuIds).size !== skuIds.length) throw new AppError("BAD_REQUEST", "Each TikTok SKU can be mapped once.");
  if (new Set(variantIds).size !== variantIds.length) throw new AppError("BAD_REQUEST", "Each Shopify variant can be picked for one SKU only.");
  const markets = await otherMarkets({ organizationId: org.organizationId, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id });

  const result = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${tiktok.id}`}))`;
    const skus = await tx.tikTokSku.findMany({
      where: { id: { in: skuIds }, organizationId: org.organizationId, connectionId: tiktok.id, product: { deletedAt: null } },
      select: { id: true, sellerSku: true, product: { select: { title: true } } },
    });
    if (skus.length !== skuIds.length) throw notFound("TikTok SKU not found.");
    const variants = await tx.shopifyVariant.findMany({
      where: { id: { in: variantIds }, organizationId: org.organizationId, connectionId: shopify.id, deletedAt: null, product: { deletedAt: null } },
      select: { id: true, title: true, product: { select: { title: true } }, mappings: { where: { tiktokConnectionId: tiktok.id, status: "ACTIVE" }, select: { tiktokSkuId: true } } },
    });
    if (variants.length !== variantIds.length) throw notFound("Shopify variant not found, or deleted.");
    for (const pair of input.pairs) {
      const variant = variants.find((v) => v.id === pair.shopifyVariantId)!;
      const taken = variant.mappings.find((m) => m.tiktokSkuId !== pair.tiktokSkuId && !skuIds.includes(m.tiktokSkuId));
      if (taken) throw new AppError("CONFLICT", `${variant.product.title} / ${variant.title} is already mapped to another SKU of this shop. Unmap that SKU first.`);
    }
    // Remap: the SKU's previous mapping (active or archived) is replaced.
    await tx.mapping.deleteMany({ where: { organizationId: org.organizationId, tiktokSkuId: { in: skuIds } } });
    await tx.mapping.createMany({
      data: input.pairs.map((pair) => ({
        organizationId: org.organizationId,
        tiktokConnectionId: tiktok.id,
        shopifyConnectionId: shopify.id,
        tiktokSkuId: pair.tiktokSkuId,
        shopifyVariantId: pair.shopifyVariantId,
        rule: "MANUAL" as const,
        createdById: org.userId,
      })),
    });
    // Cross-border: the same global SKUs in the other markets, where still unmapped.
    const otherMarketSkus = await mapOtherMarkets({ tx, organizationId: org.organizationId, shopifyConnectionId: shopify.id, markets, mapped: input.pairs.map((pair) => ({ ...pair, rule: "MANUAL" as const })), createdById: org.userId });
    const titles = [...new Set(skus.map((s) => s.product.title))];
    await tx.activityEntry.create({
      data: {
        organizationId: org.organizationId,
        type: "mapping.manual",
        level: "SUCCESS",
        connectionId: tiktok.id,
        message: `Mapped by hand: ${input.pairs.length} SKU${input.pairs.length === 1 ? "" : "s"} of ${titles.slice(0, 3).join(", ")}${titles.length > 3 ? "…" : ""}.`,
      },
    });
    return { mapped: input.pairs.length, otherMarketSkus };
  });
  // TikTok orders that waited for these SKUs are created now.
  await retryOrdersUnblockedByMapping({ organizationId: org.organizationId, tiktokConnectionId: tiktok.id, key: `manual-${Date.now()}` });
  return result;
}

