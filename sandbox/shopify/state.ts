// The Shopify stand-in's persisted state: plain JSON, one slice under ctx.state("shopify").
import type { SandboxContext } from "../core/platform";

export interface LocationRec { id: number; name: string; isPrimary: boolean; countryCode: string; city: string; createdAt: string }
export interface ImageRec { id: number; url: string; altText: string | null }
export interface ProductRec {
  id: number; title: string; handle: string; descriptionHtml: string; status: "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
  vendor: string; productType: string; tags: string[]; options: { name: string; values: string[] }[];
  images: ImageRec[]; variantIds: number[]; createdAt: string; updatedAt: string;
}
export interface VariantRec {
  id: number; productId: number; inventoryItemId: number; title: string; sku: string | null; barcode: string | null;
  price: string; compareAtPrice: string | null; selectedOptions: { name: string; value: string }[];
  inventoryPolicy: "DENY" | "CONTINUE"; position: number; createdAt: string; updatedAt: string;
}
export interface MoneyPair { shop: number; presentment: number }
export interface LineItemRec {
  id: number; variantId: number | null; productId: number | null; title: string; variantTitle: string | null; sku: string | null;
  quantity: number; price: MoneyPair; requiresShipping: boolean; fulfilledQuantity: number;
}
export interface OrderRec {
  id: number; number: number; name: string; createdAt: string; updatedAt: string; processedAt: string;
  cancelledAt: string | null; cancelReason: string | null; closedAt: string | null;
  sourceName: string | null; sourceIdentifier: string | null; tags: string[]; note: string | null; email: string | null; phone: string | null;
  currency: string; presentmentCurrency: string; financialStatus: string; test: boolean; taxesIncluded: boolean;
  shippingAddress: Record<string, unknown> | null; billingAddress: Record<string, unknown> | null;
  customAttributes: { key: string; value: string }[];
  lineItems: LineItemRec[]; shipping: MoneyPair; tax: MoneyPair; shippingTitle: string | null;
  /** An order-level fixed discount code (orderCreate's discountCode.itemFixedDiscountCode); absent in older saved state. */
  discount?: MoneyPair; discountCode?: string | null;
  inventoryDecremented: boolean; locationId: number; fulfillmentOrderIds: number[]; fulfillmentIds: number[]; appClientId: string | null;
}
export interface FulfillmentHoldRec {
  id: number; clientId: string; handle: string; reason: string; reasonNotes: string | null; notifyMerchant: boolean; externalId: string | null; createdAt: string;
}
export interface FulfillmentOrderRec {
  id: number; orderId: number; locationId: number; status: "OPEN" | "IN_PROGRESS" | "ON_HOLD" | "CLOSED" | "CANCELLED";
  createdAt: string; updatedAt: string; lineItems: { id: number; lineItemId: number; totalQuantity: number; remainingQuantity: number }[];
  /** Active fulfillment holds (absent in older saved state); `heldFrom` is the status a release returns to. */
  holds?: FulfillmentHoldRec[]; heldFrom?: "OPEN" | "IN_PROGRESS";
}
export interface TrackingRec { company: string | null; number: string | null; url: string | null }
export interface FulfillmentRec {
  id: number; orderId: number; name: string; status: "SUCCESS" | "CANCELLED"; createdAt: string; updatedAt: string; locationId: number;
  tracking: TrackingRec[]; lineItems: { id: number; lineItemId: number; quantity: number }[]; fulfillmentOrderIds: number[];
}
export interface WebhookSubRec { id: number; clientId: string; topic: string; uri: string; format: "JSON" | "XML"; createdAt: string; updatedAt: string; filter: string | null; includeFields: string[] }
export interface BulkOpRec {
  id: number; clientId: string; status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED"; query: string;
  createdAt: string; completedAt: string | null; objectCount: number; rootObjectCount: number; fileSize: number | null;
  fileKey: string | null; errorCode: string | null;
}
export interface ShopRec {
  id: number; domain: string; name: string; plan: string; currency: string; ianaTimezone: string; email: string; createdAt: string;
  locations: LocationRec[]; products: Record<string, ProductRec>; variants: Record<string, VariantRec>;
  /** inventoryItemId → locationId → available */
  levels: Record<string, Record<string, number>>;
  orders: Record<string, OrderRec>; fulfillmentOrders: Record<string, FulfillmentOrderRec>; fulfillments: Record<string, FulfillmentRec>;
  webhooks: Record<string, WebhookSubRec>; bulkOps: Record<string, BulkOpRec>;
  installs: Record<string, { scope: string; installedAt: string }>; nextOrderNumber: number;
}
export interface GrantRec { shop: string; clientId: string; scope: string; expiresAt: number | null; used?: boolean }
export interface ShopifyState {
  nextId: number; shops: Record<string, ShopRec>;
  codes: Record<string, GrantRec>; tokens: Record<string, GrantRec>; refreshTokens: Record<string, GrantRec>;
  buckets: Record<string, { available: number; at: number }>;
}

export function shopifyState(ctx: SandboxContext): ShopifyState {
  return ctx.state<ShopifyState>("shopify", () => ({ nextId: 1000, shops: {}, codes: {}, tokens: {}, refreshTokens: {}, buckets: {} }));
}

export function nextId(st: ShopifyState): number {
  st.nextId += 1;
  return st.nextId;
}

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
