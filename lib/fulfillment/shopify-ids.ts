/** `gid://shopify/Order/42` → "42"; a numeric id stays as it is. */
export function numericShopifyId(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

export function shopifyGid(type: "Order" | "Fulfillment", id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}
