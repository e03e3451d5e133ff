// QueryRoot fields the sandbox implements. Any other valid root field errors with its name.
import { paginate, paginateRecords, type PageArgs } from "./connection";
import { parseGid } from "./ids";
import type { GqlContext } from "./gql-context";
import { parseSearch, searchIds, type FieldAccessors } from "./search-query";
import { shopIndex } from "./shop-index";
import type { OrderRec, ProductRec, ShopRec, VariantRec } from "./state";
import { bulkOperationView, loadNode, webhookSubscriptionView } from "./views-admin";
import { locationView, productView, shopView, variantView } from "./views-catalog";
import { displayFulfillmentStatus } from "./orders";
import { fulfillmentOrderView, orderView } from "./views-orders";

type SearchArgs = PageArgs & { query?: string | null };

const variantFields: FieldAccessors<VariantRec> = {
  sku: (v) => v.sku, barcode: (v) => v.barcode, id: (v) => v.id, product_id: (v) => v.productId, title: (v) => v.title,
  updated_at: (v) => v.updatedAt, created_at: (v) => v.createdAt, inventory_item_id: (v) => v.inventoryItemId,
};

function productFields(shop: ShopRec): FieldAccessors<ProductRec> {
  const skus = (p: ProductRec) => p.variantIds.map((id) => shop.variants[id]!.sku);
  return {
    id: (p) => p.id, title: (p) => p.title, handle: (p) => p.handle, status: (p) => p.status, vendor: (p) => p.vendor, product_type: (p) => p.productType,
    tag: (p) => p.tags, sku: skus, barcode: (p) => p.variantIds.map((id) => shop.variants[id]!.barcode), updated_at: (p) => p.updatedAt, created_at: (p) => p.createdAt,
  };
}

const orderFields: FieldAccessors<OrderRec> = {
  id: (o) => o.id, name: (o) => o.name, source_identifier: (o) => o.sourceIdentifier, source_name: (o) => o.sourceName, tag: (o) => o.tags,
  updated_at: (o) => o.updatedAt, created_at: (o) => o.createdAt, processed_at: (o) => o.processedAt, email: (o) => o.email,
  status: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open"),
  fulfillment_status: (o) => ({ UNFULFILLED: "unshipped", PARTIALLY_FULFILLED: "partial", FULFILLED: "shipped" })[displayFulfillmentStatus(o)] ?? null,
  financial_status: (o) => o.financialStatus.toLowerCase(),
};

function indexLookup(map: Map<string, number[]>) {
  return (value: string) => map.get(value);
}

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
    productVariants: (args: SearchArgs) => {
      const ix = shopIndex(shop);
      const ids = searchIds({
        query: parseSearch(args.query), all: ix.variantIds, load: (id) => shop.variants[id], fields: variantFields,
        freeText: (v) => `${v.sku ?? ""} ${v.title} ${shop.products[v.productId]?.title ?? ""}`,
        indexed: { sku: indexLookup(ix.bySku), barcode: indexLookup(ix.byBarcode) },
      });
      return paginate({ ids, args, load: (id) => variantView(shop, shop.variants[id]!), unbounded: g.bulk });
    },
    products: (args: SearchArgs) => {
      const ix = shopIndex(shop);
      const viaVariants = (map: Map<string, number[]>) => (value: string) => [...new Set((map.get(value) ?? []).map((id) => shop.variants[id]!.productId))].sort((a, b) => a - b);
      const ids = searchIds({
        query: parseSearch(args.query), all: ix.productIds, load: (id) => shop.products[id], fields: productFields(shop), freeText: (p) => p.title,
        indexed: { sku: viaVariants(ix.bySku), barcode: viaVariants(ix.byBarcode) },
      });
      return paginate({ ids, args, load: (id) => productView(shop, shop.products[id]!), unbounded: g.bulk });
    },
    orders: (args: SearchArgs) => {
      const ix = shopIndex(shop);
      const ids = searchIds({
        query: parseSearch(args.query), all: ix.orderIds, load: (id) => shop.orders[id], fields: orderFields, freeText: (o) => `${o.name} ${o.email ?? ""}`,
        indexed: { source_identifier: indexLookup(ix.bySourceIdentifier) },
      });
      return paginate({ ids, args, load: (id) => orderView(shop, shop.orders[id]!), unbounded: g.bulk });
    },
    fulfillmentOrders: (args: SearchArgs & { includeClosed?: boolean | null }) => {
      const q = parseSearch(args.query);
      const fos = Object.values(shop.fulfillmentOrders).filter((fo) => (args.includeClosed || (fo.status !== "CLOSED" && fo.status !== "CANCELLED"))
        && (q.length === 0 || q.some((group) => group.every((t) => t.field !== "status" || t.value.toUpperCase() === fo.status))));
      return paginateRecords(fos, args, (fo) => fulfillmentOrderView(shop, fo), g.bulk);
    },
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
