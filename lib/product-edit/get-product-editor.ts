import { db } from "../db";
import { readLocalListing } from "../product-sync/tiktok/listing-api";
import { loadEditor } from "./load-editor";

/** The product page: the Shopify source, TikTok's listing now, the overrides and the sync state. */
export async function getProductEditor({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }) {
  const editor = await loadEditor({ organizationId, tiktokProductId });
  const { target, sources, saved, settings } = editor;
  const [listing, state] = await Promise.all([
    readLocalListing({ shop: target.tiktok, productId: target.product.externalId }),
    db().productSyncState.findFirst({ where: { organizationId, tiktokProductId }, select: { status: true, lastSyncedAt: true, lastError: true, reviewStatus: true, reviewReason: true } }),
  ]);
  const variants = new Map(sources.flatMap((s) => s.variants.map((v) => [v.id.slice(v.id.lastIndexOf("/") + 1), v])));
  return {
    product: {
      id: target.product.id,
      externalId: target.product.externalId,
      title: target.product.title,
      shop: { name: target.tiktok.name, region: target.tiktok.region, currency: editor.limits.currency, crossBorder: target.tiktok.crossBorder },
      globalProductId: listing.globalProductId ?? target.product.globalProductId,
    },
    tiktok: {
      title: listing.title,
      description: listing.description,
      status: listing.status,
      auditStatus: listing.auditStatus,
      images: listing.mainImages.map((i) => ({ uri: i.uri, url: i.urls[0] ?? null })),
      skus: listing.skus.map((s) => ({ id: s.id, sellerSku: s.sellerSku, price: s.price, listPrice: s.listPrice, currency: s.currency, quantity: s.inventory.reduce((n, w) => n + w.quantity, 0) })),
    },
    shopify: {
      products: sources.map((s) => ({ id: s.id, title: s.title, descriptionHtml: s.descriptionHtml, images: s.images.map((i) => i.url), currency: s.currency })),
    },
    skus: target.pairs.map((p) => {
      const variant = variants.get(p.shopifyVariantId);
      const sku = listing.skus.find((s) => s.id === p.tiktokSkuId);
      return {
        tiktokSkuId: p.tiktokSkuId,
        sellerSku: sku?.sellerSku ?? null,
        shopifySku: variant?.sku ?? null,
        shopifyPrice: variant?.price ?? null,
        shopifyAvailable: variant ? variant.levels.reduce((n, l) => n + l.available, 0) : null,
      };
    }),
    overrides: saved,
    rules: { allocatePercent: settings.inventory.allocatePercent, autoSync: settings.autoSync },
    syncState: state,
  };
}
