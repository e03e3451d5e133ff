// Webhook subscriptions. 2026-10 takes the address as `webhookSubscription: { uri }` (`callbackUrl`
// is deprecated); privacy topics are not subscribable here (they come from the app's configuration).
import { z } from "zod";
import { userErrorSchema } from "../errors";
import { defineOperation } from "./define-operation";

const subscription = z.object({ id: z.string(), topic: z.string(), uri: z.string() });

export const webhookSubscriptionCreate = defineOperation({
  name: "WebhookSubscriptionCreate",
  document: /* GraphQL */ `
    mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
      webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
        webhookSubscription {
          id
          topic
          uri
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
  estimatedCost: 12,
  data: z.object({
    webhookSubscriptionCreate: z.object({ webhookSubscription: subscription.nullable(), userErrors: z.array(userErrorSchema) }),
  }),
});

/** One page of the app's subscriptions on the shop; `first` is a literal so the cost is fixed. */
export const webhookSubscriptions = defineOperation({
  name: "WebhookSubscriptions",
  document: /* GraphQL */ `
    query WebhookSubscriptions($after: String) {
      webhookSubscriptions(first: 100, after: $after) {
        nodes {
          id
          topic
          uri
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  estimatedCost: 102,
  data: z.object({
    webhookSubscriptions: z.object({
      nodes: z.array(subscription),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  }),
});

export const webhookSubscriptionDelete = defineOperation({
  name: "WebhookSubscriptionDelete",
  document: /* GraphQL */ `
    mutation WebhookSubscriptionDelete($id: ID!) {
      webhookSubscriptionDelete(id: $id) {
        deletedWebhookSubscriptionId
        userErrors {
          field
          message
        }
      }
    }
  `,
  estimatedCost: 11,
  data: z.object({
    webhookSubscriptionDelete: z.object({ deletedWebhookSubscriptionId: z.string().nullable(), userErrors: z.array(userErrorSchema) }),
  }),
});
