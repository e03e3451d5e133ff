// What each searchable connection can filter and sort by, and how: its fields, indexed lookups, partitions
// and sort keys. searchConnection() checks the fields and the sort key against the schema, plans the search
// (search-plan.ts) and pages it.
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { paginate, type Connection, type PageArgs } from "./connection";
import type { GqlContext } from "./gql-context";
import { displayFulfillmentStatus } from "./orders";
import { checkSearchFields } from "./search-fields";
import { countOf } from "../core/range-index";
import { searchMatches, type SearchSpec, type SortSpec } from "./search-plan";
import { parseSearch, type FieldAccessors, type SearchTerm } from "./search-query";
import { orderStatus, seconds, shopIndex } from "./shop-index";
import type { FulfillmentOrderRec, OrderRec, ProductRec, ShopRec, VariantRec } from "./state";

export type SearchArgs = PageArgs & { query?: string | null; sortKey?: string | null };

const ID: SortSpec = { by: "id" };
const UPDATED: SortSpec = { by: "updated" };

/** One equality term per group on `field` selects that partition; more than one value selects nothing. */
function partitionBy(field: string, prefix: string, values?: (v: string) => string) {
  return (group: SearchTerm[]) => {
    const used = group.filter((t) => t.field === field && t.op === "=" && !t.negate && !t.prefix);
    if (used.length === 0) return null;
    const keys = [...new Set(used.map((t) => (values ? values(t.value) : t.value.toLowerCase())))];
    return { keys: keys.length === 1 ? [`${prefix}${keys[0]}`] : [], used };
  };
}

const lower = (map: Map<string, number[]>) => (value: string) => map.get(value.toLowerCase());
const exact = (map: Map<string, number[]>) => (value: string) => map.get(value);
const oneId = (has: (id: number) => boolean) => (value: string) => (/^\d+$/.test(value) && has(Number(value)) ? [Number(value)] : []);

export function variantSearch(shop: ShopRec): { spec: SearchSpec<VariantRec>; sorts: Record<string, SortSpec> } {
  const ix = shopIndex(shop);
  const fields: FieldAccessors<VariantRec> = {
    sku: (v) => v.sku, barcode: (v) => v.barcode, id: (v) => v.id, product_id: (v) => v.productId, title: (v) => v.title,
    updated_at: (v) => v.updatedAt, created_at: (v) => v.createdAt, inventory_item_id: (v) => v.inventoryItemId,
  };
  return {
    spec: {
      index: ix.variants, load: (id) => shop.variants[id], fields, created: (v) => v.createdAt, updated: (v) => v.updatedAt,
      freeText: (v) => `${v.sku ?? ""} ${v.title} ${shop.products[v.productId]?.title ?? ""}`,
      extra: (v, key) => (key === "SKU" ? (v.sku ?? "").toLowerCase() : v.title.toLowerCase()),
      lookups: {
        sku: exact(ix.bySku), barcode: exact(ix.byBarcode), id: oneId((id) => !!shop.variants[id]),
        product_id: (value) => shop.products[Number(value)]?.variantIds ?? [],
        inventory_item_id: (value) => (ix.byInventoryItem.has(Number(value)) ? [ix.byInventoryItem.get(Number(value))!] : []),
      },
    },
    sorts: { ID, SKU: { by: "extra", key: "SKU" }, TITLE: { by: "extra", key: "TITLE" } },
  };
}

export function productSearch(shop: ShopRec): { spec: SearchSpec<ProductRec>; sorts: Record<string, SortSpec> } {
  const ix = shopIndex(shop);
  const viaVariants = (map: Map<string, number[]>) => (value: string) => [...new Set((map.get(value) ?? []).map((id) => shop.variants[id]!.productId))];
  const fields: FieldAccessors<ProductRec> = {
    id: (p) => p.id, title: (p) => p.title, handle: (p) => p.handle, status: (p) => p.status, vendor: (p) => p.vendor, product_type: (p) => p.productType,
    tag: (p) => p.tags, sku: (p) => p.variantIds.map((id) => shop.variants[id]!.sku), barcode: (p) => p.variantIds.map((id) => shop.variants[id]!.barcode),
    updated_at: (p) => p.updatedAt, created_at: (p) => p.createdAt,
  };
  return {
    spec: {
      index: ix.products, load: (id) => shop.products[id], fields, created: (p) => p.createdAt, updated: (p) => p.updatedAt, freeText: (p) => p.title,
      extra: (p) => p.title.toLowerCase(), partitions: partitionBy("status", "status:"),
      lookups: { sku: viaVariants(ix.bySku), barcode: viaVariants(ix.byBarcode), tag: lower(ix.productsByTag), id: oneId((id) => !!shop.products[id]) },
    },
    sorts: { ID, CREATED_AT: ID, UPDATED_AT: UPDATED, TITLE: { by: "extra", key: "TITLE" } },
  };
}

export function orderSearch(shop: ShopRec): { spec: SearchSpec<OrderRec>; sorts: Record<string, SortSpec> } {
  const ix = shopIndex(shop);
  const fields: FieldAccessors<OrderRec> = {
    id: (o) => o.id, name: (o) => o.name, source_identifier: (o) => o.sourceIdentifier, source_name: (o) => o.sourceName, tag: (o) => o.tags,
    updated_at: (o) => o.updatedAt, created_at: (o) => o.createdAt, processed_at: (o) => o.processedAt, email: (o) => o.email, status: orderStatus,
    fulfillment_status: (o) => ({ UNFULFILLED: "unshipped", PARTIALLY_FULFILLED: "partial", FULFILLED: "shipped" })[displayFulfillmentStatus(o)] ?? null,
    financial_status: (o) => o.financialStatus.toLowerCase(),
  };
  return {
    spec: {
      index: ix.orders, load: (id) => shop.orders[id], fields, created: (o) => o.createdAt, updated: (o) => o.updatedAt, freeText: (o) => `${o.name} ${o.email ?? ""}`,
      extra: (o) => seconds(o.processedAt), partitions: partitionBy("status", "status:"),
      lookups: { source_identifier: exact(ix.bySourceIdentifier), tag: lower(ix.ordersByTag), name: lower(ix.ordersByName), email: lower(ix.ordersByEmail), id: oneId((id) => !!shop.orders[id]) },
    },
    // order numbers grow with ids, so ORDER_NUMBER is id order
    sorts: { ID, CREATED_AT: ID, ORDER_NUMBER: ID, UPDATED_AT: UPDATED, PROCESSED_AT: { by: "extra", key: "PROCESSED_AT" } },
  };
}

const CLOSED_FO = new Set(["CLOSED", "CANCELLED"]);
const FO_STATUSES = ["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD", "INCOMPLETE", "CLOSED", "CANCELLED"];

export function fulfillmentOrderSearch(shop: ShopRec, includeClosed: boolean): { spec: SearchSpec<FulfillmentOrderRec>; sorts: Record<string, SortSpec> } {
  const ix = shopIndex(shop);
  const allowed = FO_STATUSES.filter((s) => includeClosed || !CLOSED_FO.has(s)).map((s) => s.toLowerCase());
  const fields: FieldAccessors<FulfillmentOrderRec> = {
    id: (fo) => fo.id, status: (fo) => fo.status, updated_at: (fo) => fo.updatedAt, assigned_location_id: (fo) => fo.locationId,
  };
  return {
    spec: {
      index: ix.fulfillmentOrders, load: (id) => shop.fulfillmentOrders[id], fields, created: (fo) => fo.createdAt, updated: (fo) => fo.updatedAt, freeText: () => "",
      lookups: { id: oneId((id) => !!shop.fulfillmentOrders[id]) },
      base: allowed.map((s) => `status:${s}`),
      accept: (fo) => includeClosed || !CLOSED_FO.has(fo.status),
      // status and assigned_location_id terms pick partitions, within what includeClosed allows
      partitions: (group) => {
        const eq = (field: string) => group.filter((t) => t.field === field && t.op === "=" && !t.negate && !t.prefix);
        const status = eq("status");
        const location = eq("assigned_location_id");
        if (!status.length && !location.length) return null;
        const statuses = new Set(status.map((t) => t.value.toLowerCase()));
        const wanted = status.length ? (statuses.size === 1 && allowed.includes([...statuses][0]!) ? [...statuses] : []) : allowed;
        const locations = new Set(location.map((t) => t.value));
        if (locations.size > 1) return { keys: [], used: [...status, ...location] };
        const loc = [...locations][0];
        return { keys: wanted.map((s) => (loc ? `loc:${loc}|status:${s}` : `status:${s}`)), used: [...status, ...location] };
      },
    },
    sorts: { ID, UPDATED_AT: UPDATED },
  };
}

/** A searchable root connection: fields and sort key checked against the schema, planned, then paged. */
export function searchConnection<T, V>(options: {
  search: { spec: SearchSpec<T>; sorts: Record<string, SortSpec> }; args: SearchArgs; info: GraphQLResolveInfo; g: GqlContext; view: (item: T) => V;
}): Connection<V> {
  const { search, args, info, g } = options;
  const sortKey = args.sortKey ?? "ID";
  const sort = search.sorts[sortKey];
  if (!sort) {
    throw new GraphQLError(`Sort key ${sortKey} of ${info.parentType.name}.${info.fieldName} is valid in Admin API 2026-10 but not implemented by the Ferry Shopify sandbox (implemented: ${Object.keys(search.sorts).join(", ")}).`, {
      extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX", sortKey },
    });
  }
  const query = checkSearchFields({ query: parseSearch(args.query), raw: args.query, implemented: Object.keys(search.spec.fields), info, g });
  const { matches, valueOf } = searchMatches(search.spec, query, sort);
  return paginate({ matches, args, valueOf, load: (id) => options.view(search.spec.load(id)!), unbounded: g.bulk });
}

/** A `…Count(query, limit)` root field: the matches, capped at `limit` (null: no cap) with precision AT_LEAST above it. */
export function searchCount<T>(options: {
  search: { spec: SearchSpec<T>; sorts: Record<string, SortSpec> }; args: { query?: string | null; limit?: number | null }; info: GraphQLResolveInfo; g: GqlContext;
}): { count: number; precision: "EXACT" | "AT_LEAST" } {
  const { search, args, info, g } = options;
  const query = checkSearchFields({ query: parseSearch(args.query), raw: args.query, implemented: Object.keys(search.spec.fields), info, g });
  const total = countOf(searchMatches(search.spec, query, search.sorts.ID!).matches({}));
  const limit = args.limit === undefined ? 10_000 : args.limit;
  return limit !== null && total > limit ? { count: limit, precision: "AT_LEAST" } : { count: total, precision: "EXACT" };
}
