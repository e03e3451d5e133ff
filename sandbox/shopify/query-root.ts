// QueryRoot fields the sandbox implements. Any other valid root field errors with its name.
import type { GraphQLResolveInfo } from "graphql";
import { paginateRecords, type PageArgs } from "./connection";
import { parseGid } from "./ids";
import type { GqlContext } from "./gql-context";
import { fulfillmentOrderSearch, orderSearch, productSearch, searchConnection, searchCount, variantSearch, type SearchArgs } from "./search-specs";
import { parseSearch } from "./search-query";
import { bulkOperationView, loadNode, webhookSubscriptionView } from "./views-admin";
import { locationView, productView, shopView, variantView } from "./views-catalog";
import { fulfillmentOrderView, orderView } from "./views-orders";

export function queryRoot(g: GqlContext): Record<string, unknown> {
  const { shop } = g;
  return {
    shop: () => shopView(shop),
    node: (args: { id: string }) => loadNode(g, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => loadNode(g, id)),
    product: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/Product/") ? args.id : ""),
    productVariant: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/ProductVariant/") ? args.id : ""),
    inventoryItem: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/InventoryItem/") ? args.id : ""),
    inventoryLevel: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/InventoryLevel/") ? args.id : ""),
    order: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/Order/") ? args.id : ""),
    fulfillmentOrder: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/FulfillmentOrder/") ? args.id : ""),
    fulfillment: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/Fulfillment/") ? args.id : ""),
    webhookSubscription: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/WebhookSubscription/") ? args.id : ""),
    bulkOperation: (args: { id: string }) => loadNode(g, args.id.startsWith("gid://shopify/BulkOperation/") ? args.id : ""),
    location: (args: { id?: string | null }) => {
      const l = args.id ? shop.locations.find((x) => x.id === parseGid(args.id, "Location")?.id) : shop.locations.find((x) => x.isPrimary);
      return l ? locationView(shop, l) : null;
    },
    locations: (args: PageArgs) => paginateRecords(shop.locations, args, (l) => locationView(shop, l), g.bulk),
    productVariants: (args: SearchArgs, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchConnection({ search: variantSearch(shop), args, info, g, view: (v) => variantView(shop, v) }),
    products: (args: SearchArgs, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchConnection({ search: productSearch(shop), args, info, g, view: (p) => productView(shop, p) }),
    productsCount: (args: { query?: string | null; limit?: number | null }, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchCount({ search: productSearch(shop), args, info, g }),
    // "No supported search fields": Shopify counts every variant whatever the query says.
    productVariantsCount: (args: { limit?: number | null }, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchCount({ search: variantSearch(shop), args: { limit: args.limit }, info, g }),
    orders: (args: SearchArgs, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchConnection({ search: orderSearch(shop), args, info, g, view: (o) => orderView(shop, o) }),
    fulfillmentOrders: (args: SearchArgs & { includeClosed?: boolean | null }, _g: GqlContext, info: GraphQLResolveInfo) =>
      searchConnection({ search: fulfillmentOrderSearch(shop, Boolean(args.includeClosed)), args, info, g, view: (fo) => fulfillmentOrderView(shop, fo) }),
    webhookSubscriptions: (args: PageArgs & { topics?: string[] | null; uri?: string | null; callbackUrl?: string | null }) => {
      const subs = Object.values(shop.webhooks).filter((s) => s.clientId === g.clientId && (!args.topics?.length || args.topics.includes(s.topic))
        && (!args.uri || s.uri === args.uri) && (!args.callbackUrl || s.uri === args.callbackUrl));
      return paginateRecords(subs, args, webhookSubscriptionView, g.bulk);
    },
    bulkOperations: (args: SearchArgs) => {
      const q = parseSearch(args.query);
      const ops = Object.values(shop.bulkOps).filter((op) => op.clientId === g.clientId && q.every((group) => group.every((t) =>
        t.field === "status" ? t.value.toUpperCase() === op.status : t.field === "operation_type" ? t.value.toUpperCase() === "QUERY" : true)));
      return paginateRecords(ops, args, (op) => bulkOperationView(op, g.baseUrl), g.bulk);
    },
    currentBulkOperation: () => {
      const ops = Object.values(shop.bulkOps).filter((op) => op.clientId === g.clientId);
      const last = ops[ops.length - 1];
      return last ? bulkOperationView(last, g.baseUrl) : null;
    },
  };
}
