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
    }
  `,
  estimatedCost: 2,
  data: z.object({
    shop: z.object({
      name: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
      plan: z.object({ publicDisplayName: z.string(), partnerDevelopment: z.boolean(), shopifyPlus: z.boolean() }),
    }),
  }),
});
