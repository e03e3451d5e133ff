// Resolver views for webhook subscriptions and bulk operations, and node(id:) lookup.
import { gid, parseGid } from "./ids";
import type { GqlContext, View } from "./gql-context";
import { SHOPIFY_API_VERSION } from "./schema-cache";
import type { BulkOpRec, WebhookSubRec } from "./state";
import { inventoryItemView, inventoryLevelView, locationView, productView, shopView, variantView } from "./views-catalog";
import { fulfillmentOrderView, fulfillmentView, orderView } from "./views-orders";

export function webhookSubscriptionView(sub: WebhookSubRec): View {
  return {
    __typename: "WebhookSubscription", id: gid("WebhookSubscription", sub.id), legacyResourceId: String(sub.id), topic: sub.topic, uri: sub.uri,
    callbackUrl: sub.uri, format: sub.format, createdAt: sub.createdAt, updatedAt: sub.updatedAt, filter: sub.filter, includeFields: sub.includeFields,
    metafieldNamespaces: [], metafields: [], name: null, apiVersion: { handle: SHOPIFY_API_VERSION, displayName: SHOPIFY_API_VERSION, supported: true },
    endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: sub.uri },
  };
}

export function bulkFileUrl(baseUrl: string, fileKey: string): string {
  return `${baseUrl}/shopify/files/bulk/${fileKey}.jsonl`;
}

export function bulkOperationView(op: BulkOpRec, baseUrl: string): View {
  return {
    __typename: "BulkOperation", id: gid("BulkOperation", op.id), status: op.status, query: op.query, type: "QUERY", createdAt: op.createdAt,
    completedAt: op.completedAt, errorCode: op.errorCode, objectCount: String(op.objectCount), rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize), url: op.fileKey && op.objectCount > 0 ? bulkFileUrl(baseUrl, op.fileKey) : null, partialDataUrl: null,
  };
}

/** Resolves a global id to its view, or null when the id is unknown on this shop. */
export function loadNode(g: GqlContext, id: string): View | null {
  const parsed = parseGid(id);
  if (!parsed) return null;
  const { shop } = g;
  const n = parsed.id;
  switch (parsed.type) {
    case "Shop": return n === shop.id ? shopView(shop) : null;
    case "Product": return shop.products[n] ? productView(shop, shop.products[n]) : null;
    case "ProductVariant": return shop.variants[n] ? variantView(shop, shop.variants[n]) : null;
    case "InventoryItem": return inventoryItemView(shop, n);
    case "InventoryLevel": {
      const item = Number(parsed.query.get("inventory_item_id"));
      return shop.levels[item]?.[n] !== undefined ? inventoryLevelView(shop, item, n) : null;
    }
    case "Location": {
      const l = shop.locations.find((x) => x.id === n);
      return l ? locationView(shop, l) : null;
    }
    case "Order": return shop.orders[n] ? orderView(shop, shop.orders[n]) : null;
    case "FulfillmentOrder": return shop.fulfillmentOrders[n] ? fulfillmentOrderView(shop, shop.fulfillmentOrders[n]) : null;
    case "Fulfillment": return shop.fulfillments[n] ? fulfillmentView(shop, shop.fulfillments[n]) : null;
    case "WebhookSubscription": {
      const sub = shop.webhooks[n];
      return sub && sub.clientId === g.clientId ? webhookSubscriptionView(sub) : null;
    }
    case "BulkOperation": {
      const op = shop.bulkOps[n];
      return op && op.clientId === g.clientId ? bulkOperationView(op, g.baseUrl) : null;
    }
    default: return null;
  }
}
