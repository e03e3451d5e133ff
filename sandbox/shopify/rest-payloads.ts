// Webhook bodies in the REST resource shapes Shopify sends (snake_case, numeric ids plus admin_graphql_api_id).
import { gid, iso, money } from "./ids";
import type { FulfillmentRec, OrderRec, ProductRec, ShopRec, VariantRec } from "./state";
import { availableAt, totalAvailable } from "./catalog";
import { orderTotals } from "./orders";

export function restVariant(shop: ShopRec, v: VariantRec) {
  return {
    id: v.id, product_id: v.productId, title: v.title, price: money(Number(v.price)), sku: v.sku ?? "", position: v.position,
    inventory_policy: v.inventoryPolicy.toLowerCase(), compare_at_price: v.compareAtPrice === null ? null : money(Number(v.compareAtPrice)),
    option1: v.selectedOptions[0]?.value ?? null, option2: v.selectedOptions[1]?.value ?? null, option3: v.selectedOptions[2]?.value ?? null,
    created_at: v.createdAt, updated_at: v.updatedAt, taxable: true, barcode: v.barcode, inventory_item_id: v.inventoryItemId,
    inventory_quantity: totalAvailable(shop, v.inventoryItemId), admin_graphql_api_id: gid("ProductVariant", v.id),
  };
}

export function restProduct(shop: ShopRec, p: ProductRec) {
  return {
    id: p.id, title: p.title, body_html: p.descriptionHtml, vendor: p.vendor, product_type: p.productType,
    created_at: p.createdAt, handle: p.handle, updated_at: p.updatedAt, published_at: p.status === "ACTIVE" ? p.createdAt : null,
    status: p.status.toLowerCase(), tags: p.tags.join(", "), admin_graphql_api_id: gid("Product", p.id),
    variants: p.variantIds.map((id) => restVariant(shop, shop.variants[id]!)),
    options: p.options.map((o, i) => ({ id: p.id * 10 + i, product_id: p.id, name: o.name, position: i + 1, values: o.values })),
    images: p.images.map((img, i) => ({ id: img.id, product_id: p.id, position: i + 1, alt: img.altText, src: img.url, admin_graphql_api_id: gid("ProductImage", img.id) })),
    image: p.images[0] ? { id: p.images[0].id, src: p.images[0].url, alt: p.images[0].altText } : null,
  };
}

export function restInventoryLevel(shop: ShopRec, inventoryItemId: number, locationId: number, nowMs: number) {
  return {
    inventory_item_id: inventoryItemId, location_id: locationId, available: availableAt(shop, inventoryItemId, locationId),
    updated_at: iso(nowMs), admin_graphql_api_id: gid("InventoryLevel", locationId, `inventory_item_id=${inventoryItemId}`),
  };
}

export function restFulfillment(order: OrderRec, f: FulfillmentRec) {
  const first = f.tracking[0];
  return {
    id: f.id, order_id: order.id, status: f.status.toLowerCase(), created_at: f.createdAt, updated_at: f.updatedAt, service: "manual",
    tracking_company: first?.company ?? null, shipment_status: null, location_id: f.locationId, name: f.name,
    tracking_number: first?.number ?? null, tracking_numbers: f.tracking.map((t) => t.number).filter(Boolean),
    tracking_url: first?.url ?? null, tracking_urls: f.tracking.map((t) => t.url).filter(Boolean),
    line_items: f.lineItems.map((fl) => {
      const li = order.lineItems.find((l) => l.id === fl.lineItemId)!;
      return { id: li.id, variant_id: li.variantId, title: li.title, quantity: fl.quantity, sku: li.sku, price: money(li.price.shop), fulfillment_status: "fulfilled" };
    }),
    admin_graphql_api_id: gid("Fulfillment", f.id),
  };
}

export function restOrder(shop: ShopRec, o: OrderRec) {
  const t = orderTotals(o);
  return {
    id: o.id, admin_graphql_api_id: gid("Order", o.id), name: o.name, order_number: o.number, email: o.email, phone: o.phone,
    created_at: o.createdAt, updated_at: o.updatedAt, processed_at: o.processedAt, cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason?.toLowerCase() ?? null, closed_at: o.closedAt, currency: o.currency, presentment_currency: o.presentmentCurrency,
    financial_status: o.financialStatus.toLowerCase(), fulfillment_status: fulfillmentStatus(o), source_name: o.sourceName,
    source_identifier: o.sourceIdentifier, tags: o.tags.join(", "), note: o.note, test: o.test, taxes_included: o.taxesIncluded,
    subtotal_price: money(t.subtotal.shop), total_price: money(t.total.shop), total_tax: money(o.tax.shop),
    total_shipping_price_set: { shop_money: { amount: money(o.shipping.shop), currency_code: o.currency }, presentment_money: { amount: money(o.shipping.presentment), currency_code: o.presentmentCurrency } },
    total_price_set: { shop_money: { amount: money(t.total.shop), currency_code: o.currency }, presentment_money: { amount: money(t.total.presentment), currency_code: o.presentmentCurrency } },
    line_items: o.lineItems.map((li) => ({
      id: li.id, admin_graphql_api_id: gid("LineItem", li.id), variant_id: li.variantId, product_id: li.productId, title: li.title,
      variant_title: li.variantTitle, sku: li.sku, quantity: li.quantity, price: money(li.price.shop), requires_shipping: li.requiresShipping,
      fulfillable_quantity: o.cancelledAt ? 0 : li.quantity - li.fulfilledQuantity, fulfillment_status: li.fulfilledQuantity >= li.quantity ? "fulfilled" : li.fulfilledQuantity > 0 ? "partial" : null,
    })),
    shipping_address: o.shippingAddress, billing_address: o.billingAddress,
    fulfillments: o.fulfillmentIds.map((id) => restFulfillment(o, shop.fulfillments[id]!)),
  };
}

export function fulfillmentStatus(o: OrderRec): string | null {
  const total = o.lineItems.reduce((n, li) => n + li.quantity, 0);
  const done = o.lineItems.reduce((n, li) => n + li.fulfilledQuantity, 0);
  return done === 0 ? null : done >= total ? "fulfilled" : "partial";
}

export function restShop(shop: ShopRec) {
  return {
    id: shop.id, name: shop.name, email: shop.email, domain: shop.domain, myshopify_domain: shop.domain, currency: shop.currency,
    iana_timezone: shop.ianaTimezone, plan_name: shop.plan, plan_display_name: shop.plan, created_at: shop.createdAt,
  };
}
