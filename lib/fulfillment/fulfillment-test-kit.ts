import { shopifyConfig } from "../connections/platform-config";
import { getAccessToken } from "../connections/token-lifecycle";
import { db } from "../db";
import { tiktokOrderAttributes, TIKTOK_SOURCE_NAME, TIKTOK_ORDER_TAG } from "../orders/shopify-order-source";
import { SHOPIFY_API_VERSION, shopAdminUrl } from "../platforms/shopify/config";
import { cacheAndMap, createShopifyProducts, pairedSandboxStores, type KitProduct } from "../product-sync/sync-test-kit";
import { sandboxControl } from "../testing/sandbox-browser";

// Shared by the integration tests and the bench: paired sandbox stores with mapped products, a TikTok
// order and the Shopify order Ferry would have created for it (the convention of
// lib/orders/shopify-order-source.ts, written through GraphQL orderCreate as the importer does), and
// the merchant's side in Shopify (fulfill, correct tracking) through the sandbox's control API.

export const KIT_PRODUCTS: KitProduct[] = [
  { title: "Scarf", variants: [{ sku: "SCARF", price: "20.00", quantity: 500 }] },
  { title: "Hat", variants: [{ sku: "HAT", price: "15.00", quantity: 500 }] },
];

export type FulfillmentKit = Awaited<ReturnType<typeof fulfillmentStores>>;

export async function fulfillmentStores(options: { regions?: string[] } = {}) {
  const stores = await pairedSandboxStores({ regions: options.regions });
  const shop = stores.tiktok.shops[0]!;
  const shopify = await createShopifyProducts({ domain: stores.shopify.domain, products: KIT_PRODUCTS });
  const tiktok = await sandboxControl<{ products: { id: string; skus: { id: string; sellerSku: string }[] }[] }>("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
    products: KIT_PRODUCTS.map((p) => ({ title: p.title, skus: p.variants.map((v) => ({ sellerSku: v.sku, price: v.price, quantity: v.quantity })) })),
  });
  await cacheAndMap({
    organizationId: stores.org.organizationId,
    shopifyConnectionId: stores.shopify.connectionId,
    tiktokConnectionId: shop.connectionId,
    rows: KIT_PRODUCTS.map((kit, i) => ({ kit, shopify: shopify[i]!, tiktok: tiktok.products[i]! })),
  });
  const variantOf = (sku: string) => shopify.flatMap((p) => p.variants).find((v) => v.sku === sku)!.id;
  return { ...stores, shop, variantOf };
}

export interface KitOrderLine {
  sku: string;
  quantity: number;
}

/** A TikTok order ready to ship, and its Shopify order as Ferry creates it; answers both ids. */
export async function placeOrder(kit: FulfillmentKit, lines: KitOrderLine[], options: { source?: "ferry" | "other"; tiktokShopId?: string; tiktokOrderId?: string } = {}) {
  const { orderId: tiktokOrderId } = await sandboxControl<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${kit.shop.shopId}/orders`, {
    lineItems: lines.map((l) => ({ sellerSku: l.sku, quantity: l.quantity })),
    status: "AWAITING_SHIPMENT",
  });
  const shopifyOrder = await createShopifyOrder(kit, {
    lines,
    source: options.source === "other" ? null : { tiktokShopId: options.tiktokShopId ?? kit.shop.shopId, tiktokOrderId: options.tiktokOrderId ?? tiktokOrderId },
  });
  return { tiktokOrderId, shopifyOrderId: shopifyOrder.id, shopifyOrderName: shopifyOrder.name };
}

async function createShopifyOrder(kit: FulfillmentKit, { lines, source }: { lines: KitOrderLine[]; source: { tiktokShopId: string; tiktokOrderId: string } | null }) {
  const connection = await db().connection.findUniqueOrThrow({ where: { id: kit.shopify.connectionId }, select: { credentialId: true } });
  const token = await getAccessToken({ credentialId: connection.credentialId, refresh: () => Promise.reject(new Error("the test's token expired")) });
  const order = {
    lineItems: lines.map((l) => ({ variantId: kit.variantOf(l.sku), quantity: l.quantity })),
    ...(source ? { sourceName: TIKTOK_SOURCE_NAME, sourceIdentifier: source.tiktokOrderId, customAttributes: tiktokOrderAttributes(source), tags: [TIKTOK_ORDER_TAG] } : { sourceName: "web" }),
  };
  const response = await fetch(`${shopAdminUrl({ adminBaseUrl: shopifyConfig().adminBaseUrl, shop: kit.shopify.domain })}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": token },
    body: JSON.stringify({
      query: "mutation KitOrder($order: OrderCreateOrderInput!) { orderCreate(order: $order, options: { inventoryBehaviour: BYPASS }) { order { id name } userErrors { field message } } }",
      variables: { order },
    }),
  });
  const body = (await response.json()) as { data?: { orderCreate: { order: { id: string; name: string } | null; userErrors: unknown[] } }; errors?: unknown };
  const created = body.data?.orderCreate.order;
  if (!created) throw new Error(`orderCreate failed: ${JSON.stringify(body.errors ?? body.data?.orderCreate.userErrors)}`);
  return created;
}

interface SandboxShopifyOrder {
  lineItems: { id: string; sku: string; quantity: number }[];
  fulfillments: { id: string; tracking: { company: string; number: string }[] }[];
}

/** The merchant fulfils in Shopify (everything left, or these SKUs); answers the new fulfillment's id. */
export async function fulfillInShopify(kit: FulfillmentKit, shopifyOrderId: string, tracking: { trackingNumber: string; company: string }, lines?: KitOrderLine[]) {
  const numeric = shopifyOrderId.slice(shopifyOrderId.lastIndexOf("/") + 1);
  const before = await sandboxControl<SandboxShopifyOrder>("GET", `/__sandbox/shopify/shops/${kit.shopify.domain}/orders/${numeric}`);
  const lineItems = lines?.map((l) => ({ lineItemId: before.lineItems.find((li) => li.sku === l.sku)!.id, quantity: l.quantity }));
  const after = await sandboxControl<SandboxShopifyOrder>("POST", `/__sandbox/shopify/shops/${kit.shopify.domain}/orders/${numeric}/fulfill`, { ...tracking, ...(lineItems ? { lineItems } : {}) });
  return after.fulfillments.at(-1)!.id;
}

/** The merchant corrects the tracking of the order's last fulfillment in Shopify. */
export async function correctTrackingInShopify(kit: FulfillmentKit, shopifyOrderId: string, tracking: { trackingNumber: string; company: string }) {
  const numeric = shopifyOrderId.slice(shopifyOrderId.lastIndexOf("/") + 1);
  await sandboxControl("POST", `/__sandbox/shopify/shops/${kit.shopify.domain}/orders/${numeric}/tracking`, tracking);
}

export interface SandboxTikTokOrder {
  status: string;
  package_details: { package_id: string; tracking_number: string; shipping_provider_id: string; shipping_provider_name: string; order_line_item_ids: string[]; tracking_updates: number; package_status: string }[];
  line_items: { id: string; seller_sku: string; package_id: string }[];
}

export function tiktokOrderInSandbox(orderId: string) {
  return sandboxControl<SandboxTikTokOrder>("GET", `/__sandbox/tiktok/orders/${orderId}`);
}
