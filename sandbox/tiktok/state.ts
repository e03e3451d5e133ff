// The persisted TikTok slice of the sandbox state. Field names in API shapes stay snake_case as the API sends them.

export interface Warehouse { id: string; name: string; is_default: boolean; effect_status: "ENABLED"; type: "SALES_WAREHOUSE"; sub_type: "DOMESTIC_WAREHOUSE" }
export interface Seller { id: string; name: string; region: string; open_id: string; shop_ids: string[] }
export interface Shop {
  id: string; name: string; region: string; seller_type: "LOCAL" | "CROSS_BORDER"; seller_id: string;
  cipher: string; code: string; currency: string; warehouses: Warehouse[]; create_time: number;
}
export interface AuthCode { code: string; app_key: string; seller_id: string; expires_at: number; used: boolean }
export interface Grant {
  key: string; app_key: string; seller_id: string; open_id: string; scopes: string[];
  refresh_token: string; refresh_expires_at: number; revoked: boolean; created_at: number;
}
export interface AccessToken { grant: string; expires_at: number }

export interface Price { currency: string; sale_price: string; tax_exclusive_price: string }
export interface Sku {
  id: string; seller_sku: string; price: Price; inventory: { warehouse_id: string; quantity: number }[];
  identifier_code?: { code: string; type: string }; sales_attributes: Record<string, unknown>[];
  [extra: string]: unknown;
}
export interface ProductContent {
  title: string; description: string; main_images: Record<string, unknown>[]; skus: Sku[];
  [extra: string]: unknown;
}
export interface HistoryEntry { at: string; endpoint: string; fields: string[]; detail?: unknown }
export interface PendingVersion { content: ProductContent; ready_at: number; changed_fields: string[] }
export type ProductStatus = "DRAFT" | "PENDING" | "FAILED" | "ACTIVATE" | "SELLER_DEACTIVATED" | "PLATFORM_DEACTIVATED" | "FREEZE" | "DELETED";
export interface Product {
  id: string; shop_id: string; status: ProductStatus; create_time: number; update_time: number;
  live: ProductContent; pending: PendingVersion | null; audit_status: "NONE" | "AUDITING" | "APPROVED" | "FAILED";
  global_product_id?: string; history: HistoryEntry[];
  /** A seller promotion is running: Update Price refuses with 12052038 (control API `promotion`). */
  price_locked?: boolean;
}

export interface GlobalSku {
  id: string; seller_sku: string; price: { amount: string; currency: string }; identifier_code?: { code: string; type: string };
  sales_attributes: Record<string, unknown>[]; global_quantity: number; [extra: string]: unknown;
}
export interface GlobalLocal { shop_id: string; region: string; product_id: string; sku_map: Record<string, string> }
export interface GlobalProduct {
  id: string; seller_id: string; status: "PUBLISHED" | "UNPUBLISHED" | "DRAFT" | "DELETED"; create_time: number; update_time: number;
  content: { title: string; description: string; main_images: Record<string, unknown>[]; skus: GlobalSku[]; [extra: string]: unknown };
  locals: GlobalLocal[]; history: HistoryEntry[];
}

export type OrderStatus = "UNPAID" | "ON_HOLD" | "AWAITING_SHIPMENT" | "PARTIALLY_SHIPPING" | "AWAITING_COLLECTION" | "IN_TRANSIT" | "DELIVERED" | "COMPLETED" | "CANCELLED";
export interface LineItem {
  id: string; sku_id: string; product_id: string; product_name: string; seller_sku: string; sku_name: string;
  sale_price: string; original_price: string; seller_discount: string; platform_discount: string; currency: string;
  package_id: string | null; is_gift: boolean;
}
export interface ExternalOrder { id: string; platform: string; line_items: { id: string; origin_id: string }[] }
export type CancellationInitiator = "BUYER" | "SELLER" | "SYSTEM";
export interface Order {
  id: string; shop_id: string; status: OrderStatus; create_time: number; update_time: number; paid_time: number | null;
  on_hold_until: number | null; was_on_hold: boolean; line_items: LineItem[];
  payment: Record<string, string>; recipient_address: Record<string, unknown>; buyer: { user_id: string; email: string; message: string };
  is_sample_order: boolean; packages: string[]; external_orders: ExternalOrder[]; cancel_reason: string | null;
  /** absent in older saved state */
  cancellation_initiator?: CancellationInitiator;
  warehouse_id: string; delivery_option_id: string; status_history: { status: OrderStatus; at: number }[];
}
export interface Package {
  id: string; shop_id: string; order_id: string; line_item_ids: string[]; status: "PROCESSING" | "FULFILLING" | "COMPLETED" | "CANCELLED";
  tracking_number: string | null; shipping_provider_id: string | null; shipped_at: number | null; tracking_updates: number;
  create_time: number; update_time: number;
}
/** An image uploaded through Upload Product Image; main_images refer to it by uri. */
export interface UploadedImage {
  uri: string; url: string; width: number; height: number; use_case: string; seller_id: string; format: string; size: number; sha256: string; create_time: number;
}
export interface WebhookSub { address: string; create_time: number; update_time: number }

export interface TikTokState {
  seq: number;
  sellers: Record<string, Seller>;
  shops: Record<string, Shop>;
  ciphers: Record<string, string>;            // cipher → shop id
  authCodes: Record<string, AuthCode>;
  grants: Record<string, Grant>;              // `${appKey}:${sellerId}` → grant
  accessTokens: Record<string, AccessToken>;
  refreshTokens: Record<string, string>;      // refresh token → grant key (only the current one per grant)
  products: Record<string, Product>;
  globalProducts: Record<string, GlobalProduct>;
  orders: Record<string, Order>;
  packages: Record<string, Package>;
  webhooks: Record<string, Record<string, Record<string, WebhookSub>>>; // appKey → shopId → event type → subscription
  /** Uploaded images by uri (absent in states saved before uploads existed: read through imagesOf). */
  images?: Record<string, UploadedImage>;
}

export function emptyState(): TikTokState {
  return {
    seq: 0, sellers: {}, shops: {}, ciphers: {}, authCodes: {}, grants: {}, accessTokens: {}, refreshTokens: {},
    products: {}, globalProducts: {}, orders: {}, packages: {}, webhooks: {}, images: {},
  };
}
