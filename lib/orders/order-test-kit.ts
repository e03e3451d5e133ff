// Shared by the order integration tests, the resilience run and the bench: paired sandbox stores with mapped
// products, TikTok orders placed through the sandbox's control API, and what the Shopify sandbox holds.
import { pairedSandboxStores, seedMappedProducts, type KitProduct } from "../product-sync/sync-test-kit";
import { sandboxControl } from "../testing/sandbox-browser";

export const KIT_PRODUCTS: KitProduct[] = [
  { title: "Classic Crew Tee", variants: [{ sku: "TEE-S", price: "20.00", quantity: 50 }, { sku: "TEE-M", price: "22.50", quantity: 50 }] },
  { title: "Canvas Tote", variants: [{ sku: "TOTE", price: "15.00", quantity: 50 }] },
];

export async function orderStores(options: { shopifyCurrency?: string; products?: KitProduct[] } = {}) {
  const stores = await pairedSandboxStores({ shopifyCurrency: options.shopifyCurrency });
  const shop = stores.tiktok.shops[0]!;
  const products = await seedMappedProducts({ org: stores.org, shopify: stores.shopify, shop, products: options.products ?? KIT_PRODUCTS });
  return { ...stores, shop, products, organizationId: stores.org.organizationId };
}

/** The sandbox's clock in Unix seconds: other test files advance it, so windows are computed from it, not the wall clock. */
export async function sandboxNowSeconds(): Promise<number> {
  const { nowMs } = await sandboxControl<{ nowMs: number }>("GET", "/__sandbox/clock");
  return Math.floor(nowMs / 1000);
}

export interface PlaceOrderInput {
  lineItems: { sellerSku: string; quantity: number }[];
  status?: "UNPAID" | "ON_HOLD" | "AWAITING_SHIPMENT";
  shippingFee?: string;
  discount?: string;
  tax?: string;
  isSample?: boolean;
  buyer?: { email?: string; name?: string };
}

export async function placeTikTokOrder(shopId: string, input: PlaceOrderInput): Promise<string> {
  const { orderId } = await sandboxControl<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${shopId}/orders`, { status: "AWAITING_SHIPMENT", ...input });
  return orderId;
}

export async function setTikTokOrderStatus(orderId: string, status: string, reason?: string, initiator?: "BUYER" | "SELLER" | "SYSTEM") {
  await sandboxControl("POST", `/__sandbox/tiktok/orders/${orderId}/status`, { status, ...(reason ? { reason } : {}), ...(initiator ? { initiator } : {}) });
}

export interface SandboxShopifyOrder {
  id: string;
  name: string;
  sourceName: string | null;
  sourceIdentifier: string | null;
  tags: string[];
  currency: string;
  presentmentCurrency: string;
  total: { shop: number; presentment: number };
  shipping: { shop: number; presentment: number };
  tax: { shop: number; presentment: number };
  cancelledAt: string | null;
  cancelReason: string | null;
  inventoryDecremented: boolean;
  fulfillmentOrders: { id: string; status: string; holds: { id: string; handle: string; reason: string; reasonNotes: string | null; heldBy: string }[] }[];
  lineItems: { sku: string | null; quantity: number; price: { shop: number; presentment: number } }[];
}

export async function shopifyOrdersFor(domain: string, tiktokOrderId?: string): Promise<SandboxShopifyOrder[]> {
  const query = tiktokOrderId ? `?sourceIdentifier=${encodeURIComponent(tiktokOrderId)}` : "";
  return (await sandboxControl<{ orders: SandboxShopifyOrder[] }>("GET", `/__sandbox/shopify/shops/${domain}/orders${query}`)).orders;
}

export async function tiktokOrderControl(orderId: string) {
  return sandboxControl<{ status: string; external_orders: { id: string; platform: string; line_items: { id: string; origin_id: string }[] }[] }>("GET", `/__sandbox/tiktok/orders/${orderId}`);
}

/** Fulfills the order in Shopify as the merchant would (the sandbox refuses a held order with 409). */
export async function fulfillInShopify(domain: string, shopifyOrderId: string) {
  return sandboxControl("POST", `/__sandbox/shopify/shops/${domain}/orders/${shopifyOrderId.split("/").pop()}/fulfill`, { company: "UPS", trackingNumber: "1Z999AA10123456784" });
}
