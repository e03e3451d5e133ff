// The fulfillment backstop: orders Ferry created (tagged TikTok) updated since a time, with their
// fulfillments' current tracking, so a fulfillment whose webhook never arrived is still sent to TikTok.
import { z } from "zod";
import { defineOperation } from "./define-operation";

export const FULFILLED_ORDERS_PAGE = 50;

export const fulfilledOrdersPage = defineOperation({
  name: "FulfilledOrdersPage",
  document: /* GraphQL */ `
    query FulfilledOrdersPage($query: String!, $after: String) {
      orders(first: 50, after: $after, query: $query, sortKey: UPDATED_AT) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          fulfillments(first: 10) {
            id
            status
            trackingInfo(first: 1) {
              number
            }
          }
        }
      }
    }
  `,
  estimatedCost: 152,
  data: z.object({
    orders: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      nodes: z.array(
        z.object({
          id: z.string(),
          fulfillments: z.array(z.object({ id: z.string(), status: z.string(), trackingInfo: z.array(z.object({ number: z.string().nullish() })) })),
        }),
      ),
    }),
  }),
});
