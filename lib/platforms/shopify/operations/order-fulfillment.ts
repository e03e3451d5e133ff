// Fulfillment sync reads the fulfillment a webhook named, and the order it belongs to (where it came
// from, and whether anything is left to fulfil), fresh from Shopify: a late fulfillments/create after
// an update still sees the current tracking.
import { z } from "zod";
import { defineOperation } from "./define-operation";

export const ORDER_FULFILLMENT_LINES = 50;

export const orderFulfillmentQuery = defineOperation({
  name: "OrderFulfillment",
  document: /* GraphQL */ `
    query OrderFulfillment($orderId: ID!, $fulfillmentId: ID!) {
      order(id: $orderId) {
        id
        name
        sourceName
        sourceIdentifier
        customAttributes {
          key
          value
        }
        lineItems(first: 50) {
          nodes {
            id
            unfulfilledQuantity
          }
        }
      }
      fulfillment(id: $fulfillmentId) {
        id
        status
        order {
          id
        }
        trackingInfo(first: 5) {
          company
          number
          url
        }
        fulfillmentLineItems(first: 50) {
          nodes {
            quantity
            lineItem {
              id
              sku
              variant {
                id
              }
            }
          }
        }
      }
    }
  `,
  estimatedCost: 209,
  data: z.object({
    order: z
      .object({
        id: z.string(),
        name: z.string(),
        sourceName: z.string().nullish(),
        sourceIdentifier: z.string().nullish(),
        customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullish() })).default([]),
        lineItems: z.object({ nodes: z.array(z.object({ id: z.string(), unfulfilledQuantity: z.number().int() })) }),
      })
      .nullable(),
    fulfillment: z
      .object({
        id: z.string(),
        status: z.string(),
        order: z.object({ id: z.string() }),
        trackingInfo: z.array(z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() })),
        fulfillmentLineItems: z.object({
          nodes: z.array(z.object({ quantity: z.number().int(), lineItem: z.object({ id: z.string(), sku: z.string().nullish(), variant: z.object({ id: z.string() }).nullish() }) })),
        }),
      })
      .nullable(),
  }),
});
export type OrderFulfillmentData = z.infer<typeof orderFulfillmentQuery.data>;
