import { z } from "zod";

// What the product editor sends. A field left out is untouched; null clears its override ("Use Shopify's value").
export const overrideInputSchema = z
  .object({
    title: z.string().max(1000).nullable().optional(),
    description: z.string().max(20_000).nullable().optional(),
    /** Shopify image URLs, chosen and ordered. */
    images: z.array(z.string().max(2000)).max(50).nullable().optional(),
    prices: z.array(z.object({ tiktokSkuId: z.string().min(1).max(40), amount: z.string().max(40).nullable() }).strict()).max(300).optional(),
    allocation: z.array(z.object({ tiktokSkuId: z.string().min(1).max(40), allocatePercent: z.number().nullable() }).strict()).max(300).optional(),
    /** Cross-border content: the global product (every market) or this market's local product only. */
    scope: z.enum(["listing", "local"]).optional(),
  })
  .strict();
export type OverrideInput = z.infer<typeof overrideInputSchema>;

/** The overrides of one listing as product sync applies them. */
export interface ListingOverrides {
  title?: string;
  description?: string;
  images?: string[];
  /** TikTok SKU id → price in the market's currency. */
  prices: Record<string, string>;
  /** TikTok SKU id → share of the (buffered) Shopify stock offered on TikTok. */
  allocation: Record<string, number>;
  /** Cross-border content overrides: "listing" goes to the global product, "local" to this market's product. */
  scope: "listing" | "local";
}

export const noOverrides = (): ListingOverrides => ({ prices: {}, allocation: {}, scope: "listing" });
