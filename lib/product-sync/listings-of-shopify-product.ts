import { db } from "../db";

/** The TikTok products (in every paired shop) mapped to a Shopify product, with their shops. */
export async function listingsOfShopifyProduct({ organizationId, shopifyConnectionId, shopifyProductId }: { organizationId: string; shopifyConnectionId: string; shopifyProductId: string }) {
  const rows = await db().tikTokProduct.findMany({
    where: {
      organizationId,
      deletedAt: null,
      skus: { some: { mapping: { status: "ACTIVE", shopifyConnectionId, shopifyVariant: { product: { externalId: shopifyProductId } } } } },
    },
    select: { id: true, connectionId: true },
  });
  return rows.map((r) => ({ tiktokProductId: r.id, tiktokConnectionId: r.connectionId }));
}

/** Shopify's inventory_levels/update names an inventory item: its product, from the catalog. */
export async function shopifyProductOfInventoryItem({ shopifyConnectionId, inventoryItemId }: { shopifyConnectionId: string; inventoryItemId: string }): Promise<string | null> {
  const variant = await db().shopifyVariant.findFirst({
    where: { connectionId: shopifyConnectionId, inventoryItemId: { in: [inventoryItemId, `gid://shopify/InventoryItem/${inventoryItemId}`] }, deletedAt: null },
    select: { product: { select: { externalId: true } } },
  });
  return variant?.product.externalId ?? null;
}
