import { withShopifyClient, type ShopifyStoreRef } from "../../connections/shopify-session";
import type { ProductSyncMediaNode, ProductSyncVariantNode } from "../../platforms/shopify/operations/product-sync-source";
import type { ShopifySource, ShopifySourceImage, ShopifySourceVariant } from "../listing";

const productGid = (id: string) => (id.startsWith("gid://") ? id : `gid://shopify/Product/${id}`);

/** One Shopify product as product sync needs it, read now; null when Shopify no longer has it. */
export async function readShopifySource({ store, productId }: { store: ShopifyStoreRef; productId: string }): Promise<ShopifySource | null> {
  return withShopifyClient(store, async (client) => {
    const { shop, product } = await client.productSyncSource(productGid(productId));
    if (!product) return null;
    const variants = product.variants.nodes.map(toVariant);
    let page = product.variants.pageInfo;
    while (page.hasNextPage && page.endCursor) {
      const more = await client.productSyncVariants({ productId: product.id, after: page.endCursor });
      if (!more) return null;
      variants.push(...more.variants.nodes.map(toVariant));
      page = more.variants.pageInfo;
    }
    return { id: product.id, title: product.title, descriptionHtml: product.descriptionHtml, images: product.media.nodes.flatMap(toImage), currency: shop.currencyCode, variants };
  });
}

/** Images only (videos and 3D models have no image here), in Shopify's order. */
function toImage(node: ProductSyncMediaNode): ShopifySourceImage[] {
  return node.image ? [{ url: node.image.url, width: node.image.width ?? null, height: node.image.height ?? null }] : [];
}

function toVariant(node: ProductSyncVariantNode): ShopifySourceVariant {
  return {
    id: node.id,
    sku: node.sku ?? null,
    price: node.price,
    compareAtPrice: node.compareAtPrice ?? null,
    levels: (node.inventoryItem?.inventoryLevels.nodes ?? []).map((level) => ({
      locationId: level.location.id,
      available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
    })),
  };
}
