import { db, type Prisma } from "../db";
import { getShopSettings } from "../settings/get-shop-settings";
import type { MatchRule } from "./match-types";

// Cross-border: one global product is published as a local product in each market (one TikTok shop
// per market), each local SKU carrying its global SKU id. Mapping a SKU in one market maps the same
// global SKU in the organization's other markets paired with the same Shopify store, so a global
// product is mapped once for all its markets.

/**
 * The other markets a mapping in this shop follows into: ACTIVE TikTok shops of the organization
 * paired with the same Shopify store. Not those with auto-sync on: mapping there overwrites their
 * listings, which needs a preview confirmed in that shop.
 */
export async function otherMarkets({ organizationId, tiktokConnectionId, shopifyConnectionId }: { organizationId: string; tiktokConnectionId: string; shopifyConnectionId: string }): Promise<string[]> {
  const shops = await db().connection.findMany({
    where: { organizationId, platform: "TIKTOK", status: "ACTIVE", pairedShopifyId: shopifyConnectionId, id: { not: tiktokConnectionId } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const markets: string[] = [];
  for (const shop of shops) {
    const { productSync } = await getShopSettings({ organizationId, tiktokConnectionId: shop.id });
    if (!productSync.autoSync) markets.push(shop.id);
  }
  return markets;
}

export interface MapOtherMarketsOptions {
  tx: Prisma.TransactionClient;
  organizationId: string;
  shopifyConnectionId: string;
  /** From otherMarkets(). */
  markets: string[];
  mapped: { tiktokSkuId: string; shopifyVariantId: string; rule: MatchRule | "MANUAL" }[];
  batchId?: string | null;
  createdById?: string | null;
}

/**
 * Inside the mapping's transaction: maps each mapped SKU's global SKU in the other markets to the
 * same variant, where that market's SKU is unmapped, its product live, and the variant not mapped
 * from another SKU of that market. Takes each market's mapping lock (in id order) first. Returns how
 * many SKUs were mapped in other markets.
 */
export async function mapOtherMarkets({ tx, organizationId, shopifyConnectionId, markets, mapped, batchId = null, createdById = null }: MapOtherMarketsOptions): Promise<number> {
  if (markets.length === 0 || mapped.length === 0) return 0;
  const sources = mapped.map((row) => row.tiktokSkuId);
  const globals = await tx.$queryRaw<{ id: string; globalSkuId: string }[]>`
    SELECT id, "globalSkuId" FROM "TikTokSku" WHERE id = ANY(${sources}::text[]) AND "organizationId" = ${organizationId} AND "globalSkuId" IS NOT NULL`;
  if (globals.length === 0) return 0;
  for (const market of [...markets].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${market}`}))`;

  const bySource = new Map(mapped.map((row) => [row.tiktokSkuId, row]));
  const byGlobal = new Map(globals.map((g) => [g.globalSkuId, bySource.get(g.id)!]));
  const siblings = await tx.$queryRaw<{ id: string; connectionId: string; globalSkuId: string }[]>`
    SELECT s.id, s."connectionId", s."globalSkuId"
    FROM "TikTokSku" s
    JOIN "TikTokProduct" p ON p.id = s."productId" AND p."deletedAt" IS NULL
    WHERE s."organizationId" = ${organizationId} AND s."globalSkuId" = ANY(${[...byGlobal.keys()]}::text[]) AND s."connectionId" = ANY(${markets}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Mapping" m WHERE m."tiktokSkuId" = s.id)`;
  if (siblings.length === 0) return 0;
  const variantIds = [...new Set([...byGlobal.values()].map((row) => row.shopifyVariantId))];
  const taken = await tx.mapping.findMany({
    where: { organizationId, tiktokConnectionId: { in: markets }, shopifyVariantId: { in: variantIds }, status: "ACTIVE" },
    select: { tiktokConnectionId: true, shopifyVariantId: true },
  });
  const takenIn = new Set(taken.map((m) => `${m.tiktokConnectionId}|${m.shopifyVariantId}`));
  const rows = [];
  for (const sibling of siblings) {
    const source = byGlobal.get(sibling.globalSkuId)!;
    const key = `${sibling.connectionId}|${source.shopifyVariantId}`;
    if (takenIn.has(key)) continue;
    takenIn.add(key);
    rows.push({ organizationId, tiktokConnectionId: sibling.connectionId, shopifyConnectionId, tiktokSkuId: sibling.id, shopifyVariantId: source.shopifyVariantId, rule: source.rule, batchId, createdById });
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.mapping.createMany({ data: rows, skipDuplicates: true });
  return count;
}
