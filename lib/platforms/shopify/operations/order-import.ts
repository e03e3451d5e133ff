// The operations TikTok order import sends: find an order by its source identifier, create one, cancel one.
import { z } from "zod";
import { defineOperation } from "./define-operation";

const userErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() }));
const orderRef = z.object({
  id: z.string(),
  name: z.string(),
  sourceName: z.string().nullish(),
  sourceIdentifier: z.string().nullish(),
  cancelledAt: z.string().nullish(),
  customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullish() })).default([]),
});
export type ShopifyOrderRef = z.infer<typeof orderRef>;
const createdOrder = orderRef.extend({
  lineItems: z.object({ nodes: z.array(z.object({ id: z.string(), quantity: z.number().int(), variant: z.object({ id: z.string() }).nullish() })) }),
});
export type CreatedShopifyOrder = z.infer<typeof createdOrder>;

/** Orders whose source identifier is the TikTok order id (`query` is `source_identifier:"<id>"`). */
export const ordersBySourceIdentifier = defineOperation({
  name: "OrdersBySourceIdentifier",
  document: /* GraphQL */ `
    query OrdersBySourceIdentifier($query: String!) {
      orders(first: 5, query: $query) {
        nodes {
          id
          name
          sourceName
          sourceIdentifier
          cancelledAt
          customAttributes {
            key
            value
          }
        }
      }
    }
  `,
  estimatedCost: 12,
  data: z.object({ orders: z.object({ nodes: z.array(orderRef) }) }),
});

export const orderCreate = defineOperation({
  name: "OrderCreate",
  document: /* GraphQL */ `
    mutation OrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
      orderCreate(order: $order, options: $options) {
        order {
          id
          name
          sourceName
          sourceIdentifier
          cancelledAt
          customAttributes {
            key
            value
          }
          lineItems(first: 50) {
            nodes {
              id
              quantity
              variant {
                id
              }
            }
          }
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `,
  estimatedCost: 115,
  data: z.object({ orderCreate: z.object({ order: createdOrder.nullable(), userErrors }) }),
});

export const orderCancel = defineOperation({
  name: "OrderCancel",
  document: /* GraphQL */ `
    mutation OrderCancel($orderId: ID!, $reason: OrderCancelReason!, $staffNote: String) {
      orderCancel(orderId: $orderId, reason: $reason, restock: true, refundMethod: { originalPaymentMethodsRefund: false }, notifyCustomer: false, staffNote: $staffNote) {
        job {
          id
          done
        }
        orderCancelUserErrors {
          field
          message
          code
        }
      }
    }
  `,
  estimatedCost: 12,
  data: z.object({ orderCancel: z.object({ job: z.object({ id: z.string(), done: z.boolean() }).nullable(), orderCancelUserErrors: userErrors }) }),
});
