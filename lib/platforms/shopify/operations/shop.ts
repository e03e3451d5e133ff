import { z } from "zod";
import { defineOperation } from "./define-operation";

export const shopDetails = defineOperation({
  name: "ShopDetails",
  document: /* GraphQL */ `
    query ShopDetails {
      shop {
        name
        myshopifyDomain
        currencyCode
        ianaTimezone
        plan {
          publicDisplayName
          partnerDevelopment
          shopifyPlus
        }
      }
      productVariantsCount {
        count
        precision
      }
    }
  `,
  estimatedCost: 3,
  data: z.object({
    shop: z.object({
      name: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
      plan: z.object({ publicDisplayName: z.string(), partnerDevelopment: z.boolean(), shopifyPlus: z.boolean() }),
    }),
    // Capped at 10,000 (precision AT_LEAST above it): enough to choose pages or bulk for an import.
    productVariantsCount: z.object({ count: z.number().int().nonnegative(), precision: z.enum(["EXACT", "AT_LEAST"]) }).nullable(),
  }),
});
