import type { AuthorizedShop, ShopifyConnection } from "./connection-types";

/** TikTok shop id → the Shopify connection it will be paired with; only checked shops are present. */
export type ShopSelection = Readonly<Record<string, string>>;

/** The Shopify stores a TikTok shop can be paired with: connected ones only. */
export function pairableStores(stores: readonly Pick<ShopifyConnection, "id" | "name" | "status">[]) {
  return stores.filter((store) => store.status === "ACTIVE");
}

export function selectableShops(shops: readonly AuthorizedShop[]): AuthorizedShop[] {
  return shops.filter((shop) => shop.connectedConnectionId === null);
}

/** A lone selectable shop starts checked: that is almost always why the merchant authorized. */
export function initialSelection({ shops, defaultStoreId }: { shops: readonly AuthorizedShop[]; defaultStoreId: string | null }): ShopSelection {
  const selectable = selectableShops(shops);
  return selectable.length === 1 && defaultStoreId ? { [selectable[0]!.shopId]: defaultStoreId } : {};
}

export function toggleShop({ selection, shopId, storeId }: { selection: ShopSelection; shopId: string; storeId: string | null }): ShopSelection {
  const { [shopId]: _removed, ...rest } = selection;
  return storeId ? { ...rest, [shopId]: storeId } : rest;
}

/** The checked shops in the order they are listed, each with its Shopify store. */
export function selectionRequest({ selection, shops }: { selection: ShopSelection; shops: readonly AuthorizedShop[] }) {
  return selectableShops(shops).flatMap(({ shopId }) => {
    const shopifyConnectionId = selection[shopId];
    return shopifyConnectionId ? [{ shopId, shopifyConnectionId }] : [];
  });
}
