import { db } from "../db";
import type { TikTokOrderLine } from "./tiktok-order";

export interface ResolvedVariants {
  /** TikTok SKU id → Shopify variant gid. */
  variants: Map<string, string>;
  /** SKUs without a usable mapping, each with why, in words a merchant can act on. */
  problems: { skuId: string; sellerSku: string; reason: string }[];
}

/** Each TikTok SKU of the order through its active mapping to a live variant of the paired Shopify store. */
export async function resolveOrderVariants(options: { organizationId: string; tiktokConnectionId: string; shopifyConnectionId: string; lines: TikTokOrderLine[] }): Promise<ResolvedVariants> {
  const { organizationId, tiktokConnectionId, shopifyConnectionId } = options;
  const bySku = new Map(options.lines.map((l) => [l.sku_id, l.seller_sku]));
  const skus = await db().tikTokSku.findMany({
    where: { organizationId, connectionId: tiktokConnectionId, externalId: { in: [...bySku.keys()] } },
    select: {
      externalId: true,
      mapping: {
        select: {
          status: true,
          archivedReason: true,
          shopifyConnectionId: true,
          shopifyVariant: { select: { externalId: true, deletedAt: true, product: { select: { deletedAt: true, status: true } } } },
        },
      },
    },
  });
  const found = new Map(skus.map((s) => [s.externalId, s]));
  const variants = new Map<string, string>();
  const problems: ResolvedVariants["problems"] = [];
  for (const [skuId, sellerSku] of bySku) {
    const label = sellerSku ? `SKU ${sellerSku}` : `TikTok SKU ${skuId}`;
    const m = found.get(skuId)?.mapping;
    const problem = (reason: string) => problems.push({ skuId, sellerSku, reason });
    if (!m) problem(`${label} is not mapped to a Shopify variant: map it under Products, then the order is created.`);
    else if (m.status !== "ACTIVE") problem(`${label}'s mapping is archived (${m.archivedReason ?? "its product was deleted"}): map it again under Products.`);
    else if (m.shopifyConnectionId !== shopifyConnectionId) problem(`${label} is mapped to a variant of another Shopify store: map it again under Products.`);
    else if (m.shopifyVariant.deletedAt || m.shopifyVariant.product.deletedAt) problem(`${label} is mapped to a Shopify variant that was deleted: map it again under Products.`);
    else if (m.shopifyVariant.product.status === "ARCHIVED") problem(`${label} is mapped to an archived Shopify product: unarchive it or map the SKU again.`);
    else variants.set(skuId, `gid://shopify/ProductVariant/${m.shopifyVariant.externalId}`);
  }
  return { variants, problems };
}
