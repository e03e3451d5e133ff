// Fulfillment holds on an order's fulfillment orders: read them, place one, release ours. Order import holds a
// Shopify order created during TikTok's ON_HOLD window so it cannot be fulfilled while the buyer may still cancel.
import { z } from "zod";
import { defineOperation } from "./define-operation";

export const FULFILLMENT_HOLD_REASONS = [
  "AWAITING_PAYMENT", "AWAITING_RETURN_ITEMS", "HIGH_RISK_OF_FRAUD", "INCORRECT_ADDRESS", "INVENTORY_OUT_OF_STOCK",
  "ONLINE_STORE_POST_PURCHASE_CROSS_SELL", "OTHER", "UNKNOWN_DELIVERY_DATE",
] as const;
export type FulfillmentHoldReason = (typeof FULFILLMENT_HOLD_REASONS)[number];

const userErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() }));
const hold = z.object({ id: z.string(), handle: z.string().nullish(), reason: z.string(), heldByRequestingApp: z.boolean() });
const fulfillmentOrder = z.object({ id: z.string(), status: z.string(), fulfillmentHolds: z.array(hold) });
export type HoldableFulfillmentOrder = z.infer<typeof fulfillmentOrder>;

/** An order has a fulfillment order per location and split; ten is far more than a TikTok order makes. */
export const orderFulfillmentHolds = defineOperation({
  name: "OrderFulfillmentHolds",
  document: /* GraphQL */ `
    query OrderFulfillmentHolds($id: ID!) {
      order(id: $id) {
        id
        name
        cancelledAt
        fulfillmentOrders(first: 10) {
          nodes {
            id
            status
            fulfillmentHolds {
              id
              handle
              reason
              heldByRequestingApp
            }
          }
        }
      }
    }
  `,
  estimatedCost: 23,
  data: z.object({
    order: z.object({ id: z.string(), name: z.string(), cancelledAt: z.string().nullish(), fulfillmentOrders: z.object({ nodes: z.array(fulfillmentOrder) }) }).nullable(),
  }),
});

export const fulfillmentOrderHold = defineOperation({
  name: "FulfillmentOrderHold",
  document: /* GraphQL */ `
    mutation FulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
      fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
        fulfillmentHold {
          id
          handle
          reason
          heldByRequestingApp
        }
        fulfillmentOrder {
          id
          status
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `,
  estimatedCost: 13,
  data: z.object({
    fulfillmentOrderHold: z.object({ fulfillmentHold: hold.nullable(), fulfillmentOrder: z.object({ id: z.string(), status: z.string() }).nullable(), userErrors }),
  }),
});

export const fulfillmentOrderReleaseHold = defineOperation({
  name: "FulfillmentOrderReleaseHold",
  document: /* GraphQL */ `
    mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {
      fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
        fulfillmentOrder {
          id
          status
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `,
  estimatedCost: 12,
  data: z.object({ fulfillmentOrderReleaseHold: z.object({ fulfillmentOrder: z.object({ id: z.string(), status: z.string() }).nullable(), userErrors }) }),
});
