import { z } from "zod";
import { badRequest } from "../../errors";
import { checkOverwriteConfirmation } from "../../product-sync/preview/check-confirmation";
import { startSyncAfterSave } from "../../product-sync/preview/start-sync-after-save";
import { defineSection } from "../define-section";

const decimal = z.string().trim().regex(/^\d{1,9}(\.\d{1,6})?$/, "a decimal number such as 12.5");
const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO currency code such as USD");

export const productSyncFieldsSchema = z.object({
  title: z.boolean().default(true),
  description: z.boolean().default(true),
  // Off by default (older documents gain it switched off): images are uploaded to TikTok, then set as main images.
  images: z.boolean().default(false),
  price: z.boolean().default(true),
  inventory: z.boolean().default(true),
});

export const priceRulesSchema = z.object({
  /** Added to the Shopify price, in percent (after the exchange rate). */
  percentMarkup: z.string().trim().regex(/^-?\d{1,4}(\.\d{1,4})?$/, "a percentage such as 12.5").default("0")
    .refine((v) => Number(v) > -100 && Number(v) <= 1000, "between -99.99 and 1000"),
  /** Added after the percentage, in the TikTok market's currency. */
  fixedMarkup: decimal.default("0"),
  /** Round prices up to end in this amount, per currency (0.99 → 12.99; JPY 80 → 1,280). */
  roundingEndings: z.array(z.object({ currency, ending: decimal })).max(30).default([]),
  /** Shopify's compare-at price becomes TikTok's list (strikethrough) price where the market has one. */
  compareAtAsListPrice: z.boolean().default(true),
  /** TikTok currency units per Shopify currency unit, when the market's currency differs from the store's. */
  exchangeRate: decimal.refine((v) => Number(v) > 0, "greater than 0").nullable().default(null),
});

export const inventoryRulesSchema = z.object({
  /** Which Shopify locations count for which TikTok warehouse (a shop's own setting). Empty: every location, into the SKU's first warehouse. */
  locations: z.array(z.object({ warehouseId: z.string().min(1).max(40), locationIds: z.array(z.string().min(1).max(80)).max(50) })).max(50).default([]),
  /** Units held back from TikTok per SKU. */
  safetyBuffer: z.number().int().min(0).max(99_999).default(0),
  /** Share of the (buffered) stock offered on TikTok. */
  allocatePercent: z.number().int().min(0).max(100).default(100),
  /** At or below this many units TikTok shows the SKU as out of stock. */
  outOfStockThreshold: z.number().int().min(0).max(99_999).default(0),
});

export const productSyncSchema = z.object({
  /** Off by default: nothing is written to TikTok until a member switches it on and confirms the preview. */
  autoSync: z.boolean().default(false),
  fields: productSyncFieldsSchema.default(productSyncFieldsSchema.parse({})),
  price: priceRulesSchema.default(priceRulesSchema.parse({})),
  inventory: inventoryRulesSchema.default(inventoryRulesSchema.parse({})),
  /** Cross-border: the member confirmed that a global product edit overwrites every market's local edits. */
  overwriteGlobalProducts: z.boolean().default(false),
});
export type ProductSyncSettings = z.infer<typeof productSyncSchema>;

export const productSyncSettings = defineSection({
  key: "productSync",
  title: "Product sync",
  schema: productSyncSchema,
  beforeSave: async (change) => {
    if (change.tiktokConnectionId === null && change.next.inventory.locations.length > 0) {
      throw badRequest("Locations for warehouses belong to one TikTok shop: set them on the shop, not on the organization's defaults.");
    }
    await checkOverwriteConfirmation(change);
  },
  // The member confirmed the preview: the listings it showed are synced now, not at the next reconciliation.
  afterSave: startSyncAfterSave,
});
