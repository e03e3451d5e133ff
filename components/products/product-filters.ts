import type { ProductTab } from "./product-types";

/** Links from notifications and the Overview open a tab: /products?tab=attention. */
export function isProductTab(value: unknown): value is ProductTab {
  return value === "unmapped" || value === "mapped" || value === "attention";
}

export interface ProductFilters {
  tab: ProductTab;
  q: string;
  shop: string;
  status: string;
}

export const productTabLabels: Record<ProductTab, string> = {
  unmapped: "Unmapped Products",
  mapped: "Mapped Products",
  attention: "Needs attention",
};

export const productStatusLabels: Record<string, string> = {
  ACTIVATE: "Active",
  SELLER_DEACTIVATED: "Deactivated by seller",
  PLATFORM_DEACTIVATED: "Deactivated by TikTok",
  PENDING: "In review",
  FAILED: "Review failed",
  DRAFT: "Draft",
  FREEZE: "Frozen",
};

/** The query string of GET /products: empty filters left out, the search trimmed. */
export function productsQueryString({ filters, cursor, limit }: { filters: ProductFilters; cursor?: string | null; limit?: number }): string {
  const params = new URLSearchParams({ tab: filters.tab });
  const q = filters.q.trim();
  if (q) params.set("q", q);
  if (filters.shop) params.set("shop", filters.shop);
  if (filters.status) params.set("status", filters.status);
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  return params.toString();
}

/** The empty-tab message: a search or filter that found nothing reads differently from an empty catalog. */
export function emptyTabText({ filters }: { filters: ProductFilters }): { title: string; description: string } {
  if (filters.q.trim() || filters.shop || filters.status) {
    return { title: "No products match", description: "Try another search, or clear the filters." };
  }
  switch (filters.tab) {
    case "unmapped":
      return { title: "Nothing left to map", description: "Every active TikTok product is mapped, or the catalog has not been imported yet." };
    case "mapped":
      return { title: "No mapped products yet", description: "Run Bulk auto-map to map TikTok products to Shopify variants." };
    case "attention":
      return { title: "Nothing needs attention", description: "Mappings whose Shopify variant was deleted show up here." };
  }
}
