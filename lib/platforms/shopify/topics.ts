// The webhook topics Ferry handles. Anything else is refused at the door.

/** Subscribed through GraphQL (webhookSubscriptionCreate), by REST topic → WebhookSubscriptionTopic enum value. */
export const SHOPIFY_SUBSCRIPTION_TOPICS = {
  "products/update": "PRODUCTS_UPDATE",
  "products/delete": "PRODUCTS_DELETE",
  "inventory_levels/update": "INVENTORY_LEVELS_UPDATE",
  "orders/cancelled": "ORDERS_CANCELLED",
  "fulfillments/create": "FULFILLMENTS_CREATE",
  "fulfillments/update": "FULFILLMENTS_UPDATE",
  "app/uninstalled": "APP_UNINSTALLED",
} as const;

/** Mandatory privacy topics: not subscribable through GraphQL; set in the app's configuration and sent to its compliance address. */
export const SHOPIFY_PRIVACY_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export type ShopifySubscriptionTopic = keyof typeof SHOPIFY_SUBSCRIPTION_TOPICS;
export type ShopifyPrivacyTopic = (typeof SHOPIFY_PRIVACY_TOPICS)[number];
export type ShopifyWebhookTopic = ShopifySubscriptionTopic | ShopifyPrivacyTopic;

const subscriptionTopics = Object.keys(SHOPIFY_SUBSCRIPTION_TOPICS) as ShopifySubscriptionTopic[];

/** Every topic Ferry accepts on its webhook addresses. */
export const SHOPIFY_WEBHOOK_TOPICS: readonly ShopifyWebhookTopic[] = [...subscriptionTopics, ...SHOPIFY_PRIVACY_TOPICS];

export function isShopifyWebhookTopic(value: string): value is ShopifyWebhookTopic {
  return (SHOPIFY_WEBHOOK_TOPICS as readonly string[]).includes(value);
}

const byEnum = new Map<string, ShopifySubscriptionTopic>(
  Object.entries(SHOPIFY_SUBSCRIPTION_TOPICS).map(([rest, graphql]) => [graphql, rest as ShopifySubscriptionTopic]),
);

/** `PRODUCTS_UPDATE` → `products/update`, or null for a topic Ferry does not subscribe to. */
export function subscriptionTopicFromEnum(value: string): ShopifySubscriptionTopic | null {
  return byEnum.get(value) ?? null;
}

export function isPrivacyTopic(topic: ShopifyWebhookTopic): topic is ShopifyPrivacyTopic {
  return (SHOPIFY_PRIVACY_TOPICS as readonly string[]).includes(topic);
}
