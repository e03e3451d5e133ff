import { db } from "../db";
import { raiseNotification } from "../notifications/raise-notification";
import { getShopSettings } from "../settings/get-shop-settings";
import { planNewProductMapping, type VariantCandidate } from "./plan-new-product-mapping";

const CHUNK = 200;

export interface AutoMapNewProductsOptions {
  organizationId: string;
  tiktokConnectionId: string;
}

export interface AutoMapNewProductsResult {
  enabled: boolean;
  checked: number;
  mapped: number;
  attention: number;
}

/**
 * "Auto-map new products": TikTok products first seen after the shop's first import, and not looked at
 * yet, are mapped by exact SKU (planNewProductMapping); the rest get an open MappingIssue and wait under
 * Needs attention with the reason. Each product is looked at once, also when the setting is off, so
 * switching it on later never maps old products by surprise. Safe to run twice: a product is claimed
 * by setting autoMapCheckedAt in the same transaction that maps it, under the shop's mapping lock.
 */
export async function autoMapNewProducts({ organizationId, tiktokConnectionId }: AutoMapNewProductsOptions): Promise<AutoMapNewProductsResult> {
  const shop = await db().connection.findFirst({ where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { id: true, status: true, pairedShopifyId: true } });
  const result = { enabled: false, checked: 0, mapped: 0, attention: 0 };
  if (!shop || shop.status !== "ACTIVE") return result;
  const firstImport = await db().catalogImport.findFirst({ where: { organizationId, connectionId: shop.id, status: "SUCCEEDED" }, orderBy: { finishedAt: "asc" }, select: { finishedAt: true } });
  // Before the first import finishes, everything is the catalog itself: Bulk auto-map's job, with review.
  if (!firstImport?.finishedAt) return result;
  const settings = await getShopSettings({ organizationId, tiktokConnectionId: shop.id });
  result.enabled = settings.mapping.autoMapNewProducts && shop.pairedShopifyId !== null;

  for (;;) {
    const done = await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${shop.id}`}))`;
        const products = await tx.tikTokProduct.findMany({
          where: { organizationId, connectionId: shop.id, autoMapCheckedAt: null, firstSeenAt: { gt: firstImport.finishedAt! } },
          orderBy: { id: "asc" },
          take: CHUNK,
          select: { id: true, deletedAt: true, skus: { select: { id: true, sellerSku: true, mapping: { select: { id: true } } } } },
        });
        if (products.length === 0) return true;
        await tx.tikTokProduct.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { autoMapCheckedAt: new Date() } });
        result.checked += products.length;
        if (!result.enabled) return products.length < CHUNK;

        const live = products.filter((p) => p.deletedAt === null);
        const sellerSkus = [...new Set(live.flatMap((p) => p.skus.flatMap((s) => (s.sellerSku && !s.mapping ? [s.sellerSku] : []))))];
        const variants = await tx.shopifyVariant.findMany({
          where: { organizationId, connectionId: shop.pairedShopifyId!, sku: { in: sellerSkus }, deletedAt: null, product: { deletedAt: null } },
          select: { id: true, sku: true, productId: true, mappings: { where: { tiktokConnectionId: shop.id, status: "ACTIVE" }, select: { id: true } } },
        });
        const variantsBySku = new Map<string, VariantCandidate[]>();
        for (const v of variants) variantsBySku.set(v.sku!, [...(variantsBySku.get(v.sku!) ?? []), { id: v.id, sku: v.sku!, shopifyProductId: v.productId, taken: v.mappings.length > 0 }]);

        for (const product of live) {
          const plan = planNewProductMapping({ skus: product.skus.map((s) => ({ id: s.id, sellerSku: s.sellerSku, mapped: s.mapping !== null })), variantsBySku });
          if (plan.kind === "nothing") continue;
          if (plan.pairs.length > 0) {
            await tx.mapping.createMany({
              data: plan.pairs.map((pair) => ({ organizationId, tiktokConnectionId: shop.id, shopifyConnectionId: shop.pairedShopifyId!, ...pair, rule: "EXACT_SKU" as const })),
            });
            // A variant is taken once mapped: the next product of this chunk must see it.
            for (const pair of plan.pairs) for (const list of variantsBySku.values()) for (const v of list) if (v.id === pair.shopifyVariantId) v.taken = true;
          }
          if (plan.kind === "map") result.mapped++;
          else {
            result.attention++;
            await tx.mappingIssue.create({ data: { organizationId, tiktokConnectionId: shop.id, tiktokProductId: product.id, reason: plan.reason, fix: plan.fix } });
          }
        }
        return products.length < CHUNK;
      },
      { maxWait: 15_000, timeout: 60_000 },
    );
    if (done) break;
  }
  if (result.mapped + result.attention > 0) await reportAutoMap({ organizationId, tiktokConnectionId: shop.id, result });
  return result;
}

async function reportAutoMap({ organizationId, tiktokConnectionId, result }: { organizationId: string; tiktokConnectionId: string; result: AutoMapNewProductsResult }) {
  const products = (n: number) => `${n} new ${n === 1 ? "product" : "products"}`;
  const parts = [result.mapped > 0 ? `${products(result.mapped)} mapped by SKU` : null, result.attention > 0 ? `${products(result.attention)} ${result.attention === 1 ? "needs" : "need"} attention` : null].filter(Boolean);
  await db().activityEntry.create({
    data: { organizationId, type: "mapping.auto_mapped", level: result.attention > 0 ? "WARNING" : "SUCCESS", message: `Auto-map new products: ${parts.join(", ")}.`, subjectType: "connection", subjectId: tiktokConnectionId, connectionId: tiktokConnectionId },
  });
  if (result.attention > 0) {
    const slug = (await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } })).slug;
    await raiseNotification({
      organizationId,
      kind: "mapping.auto_map_attention",
      level: "WARNING",
      title: `${products(result.attention)} could not be mapped automatically`,
      body: "Their SKUs have no single Shopify variant with the same SKU. See Needs attention for each reason.",
      href: `/${slug}/products?tab=attention`,
    });
  }
}
