// Shopify's webhook bodies carry customer names, emails and addresses. Ferry keeps only what its
// jobs need (ids, statuses, tracking, timestamps), so no personal data lands in webhook storage.
const KEEP = new Set([
  "id", "admin_graphql_api_id", "created_at", "updated_at", "cancelled_at", "cancel_reason", "order_id", "product_id",
  "variant_id", "inventory_item_id", "location_id", "available", "status", "shipment_status", "tracking_company",
  "tracking_number", "tracking_numbers", "tracking_url", "tracking_urls", "shop_id", "shop_domain", "name",
  "source_name", "source_identifier", "financial_status", "fulfillment_status",
]);
const LINE_ITEM_KEEP = new Set(["id", "variant_id", "product_id", "sku", "quantity", "fulfillable_quantity"]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function pick(source: Record<string, unknown>, keep: Set<string>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(source)) if (keep.has(key)) out[key] = value as Json;
  return out;
}

export function minimizeShopifyPayload(topic: string, body: unknown): Record<string, Json> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const source = body as Record<string, unknown>;
  // Privacy requests: only the request id; the customer's identity stays out of storage.
  if (topic.startsWith("customers/")) {
    const request = source.data_request as { id?: number } | undefined;
    return { shop_domain: (source.shop_domain as string) ?? null, data_request: request?.id ? { id: request.id } : null };
  }
  const out = pick(source, KEEP);
  if (topic.startsWith("products/")) delete out.name;
  if (Array.isArray(source.line_items)) out.line_items = source.line_items.map((item) => pick(item as Record<string, unknown>, LINE_ITEM_KEEP));
  if (Array.isArray(source.variants)) out.variants = source.variants.map((v) => pick(v as Record<string, unknown>, new Set(["id", "sku", "barcode", "updated_at", "inventory_item_id"])));
  return out;
}
