import { db } from "../db";

/** Shopify variant (numeric id) → the TikTok SKU ids mapped to it in this pairing (active mappings). */
export async function mappedTikTokSkuIds({ organizationId, tiktokConnectionId, shopifyConnectionId, variantIds }: {
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  variantIds: string[];
}): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (variantIds.length === 0) return out;
  const rows = await db().mapping.findMany({
    where: { organizationId, tiktokConnectionId, shopifyConnectionId, status: "ACTIVE", shopifyVariant: { externalId: { in: variantIds } } },
    select: { shopifyVariant: { select: { externalId: true } }, tiktokSku: { select: { externalId: true } } },
  });
  for (const r of rows) out.set(r.shopifyVariant.externalId, [...(out.get(r.shopifyVariant.externalId) ?? []), r.tiktokSku.externalId]);
  return out;
}
