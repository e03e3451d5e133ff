import { db } from "../db";
import { conflict, notFound } from "../errors";
import type { TikTokShopRef } from "./tiktok/listing-api";

/** Everything a sync of one TikTok product needs to know, read once per attempt. */
export interface SyncTarget {
  organizationId: string;
  product: { id: string; externalId: string; title: string; globalProductId: string | null };
  tiktok: TikTokShopRef & { connectionId: string; name: string; region: string; crossBorder: boolean };
  shopify: { connectionId: string; credentialId: string; shop: string };
  /** Active mappings: TikTok SKU id → Shopify variant and product (numeric ids). */
  pairs: { tiktokSkuId: string; shopifyVariantId: string; shopifyProductId: string }[];
}

/** The product with its shop, its paired Shopify store and its mappings; another tenant's id is a 404. */
export async function loadSyncTarget({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }): Promise<SyncTarget> {
  const product = await db().tikTokProduct.findFirst({
    where: { id: tiktokProductId, organizationId },
    select: {
      id: true,
      externalId: true,
      title: true,
      globalProductId: true,
      deletedAt: true,
      connection: {
        select: {
          id: true,
          name: true,
          region: true,
          currency: true,
          sellerType: true,
          shopCipher: true,
          credentialId: true,
          status: true,
          pairedShopify: { select: { id: true, credentialId: true, externalId: true, status: true } },
        },
      },
      skus: {
        where: { mapping: { status: "ACTIVE" } },
        select: { externalId: true, mapping: { select: { shopifyVariant: { select: { externalId: true, product: { select: { externalId: true } } } } } } },
      },
    },
  });
  if (!product) throw notFound("Product not found.");
  const shop = product.connection;
  if (product.deletedAt) throw conflict(`${product.title} was deleted on TikTok; there is nothing to sync.`);
  if (shop.status !== "ACTIVE" || !shop.shopCipher) throw conflict(`${shop.name} is not connected (${shop.status.toLowerCase().replace("_", " ")}): reconnect it under Connections.`);
  const paired = shop.pairedShopify;
  if (!paired) throw conflict(`${shop.name} is not paired with a Shopify store: pair it under Connections.`);
  if (paired.status !== "ACTIVE") throw conflict(`The Shopify store ${paired.externalId} is not connected: reconnect it under Connections.`);
  return {
    organizationId,
    product: { id: product.id, externalId: product.externalId, title: product.title, globalProductId: product.globalProductId },
    tiktok: {
      connectionId: shop.id,
      name: shop.name,
      region: shop.region ?? "",
      currency: shop.currency ?? "",
      crossBorder: shop.sellerType === "CROSS_BORDER",
      credentialId: shop.credentialId,
      shopCipher: shop.shopCipher,
    },
    shopify: { connectionId: paired.id, credentialId: paired.credentialId, shop: paired.externalId },
    pairs: product.skus.flatMap((sku) =>
      sku.mapping ? [{ tiktokSkuId: sku.externalId, shopifyVariantId: sku.mapping.shopifyVariant.externalId, shopifyProductId: sku.mapping.shopifyVariant.product.externalId }] : [],
    ),
  };
}
