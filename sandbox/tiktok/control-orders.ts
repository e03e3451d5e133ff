import crypto from "node:crypto";
import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxResponse } from "../core/platform";
import { sec } from "./config";
import { issues } from "./control-products";
import { nextId } from "./ids";
import { defaultDeliveryOption, orderView, packageView, setStatus, settleOrders, TRANSITIONS } from "./order-model";
import { fromMinor, toMinor } from "./regions";
import type { Store } from "./store";
import type { LineItem, Order, OrderStatus, Product, Sku } from "./state";

const decimal = z.string().regex(/^\d+(\.\d+)?$/, "a decimal string such as \"4.99\"");
const orderInput = z.object({
  lineItems: z.array(z.object({ skuId: z.string().optional(), sellerSku: z.string().optional(), quantity: z.number().int().min(1).max(100) }).strict()
    .refine((l) => !!l.skuId !== !!l.sellerSku, { message: "give exactly one of skuId or sellerSku" })).min(1).max(50),
  status: z.enum(["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT"]).default("ON_HOLD"),
  buyer: z.object({ name: z.string().optional(), email: z.string().optional(), message: z.string().optional(), userId: z.string().optional() }).strict().optional(),
  address: z.object({
    name: z.string().optional(), phone: z.string().optional(), line1: z.string().optional(), line2: z.string().optional(), city: z.string().optional(),
    state: z.string().optional(), postalCode: z.string().optional(),
  }).strict().optional(),
  shippingFee: decimal.optional(), discount: decimal.optional(), tax: decimal.optional(), isSample: z.boolean().optional(),
}).strict();
const statusInput = z.object({
  status: z.enum(Object.keys(TRANSITIONS) as [OrderStatus, ...OrderStatus[]]),
  reason: z.string().max(200).optional(),
  // Who cancelled (Get Order Detail's cancellation_initiator); the seller when not given.
  initiator: z.enum(["BUYER", "SELLER", "SYSTEM"]).optional(),
}).strict();

function resolveSku(store: Store, shopId: string, line: { skuId?: string; sellerSku?: string }): { p: Product; sku: Sku } | null {
  const s = store.s;
  const ids = line.skuId ? [store.skuIdToProduct.get(line.skuId)].filter((x): x is string => !!x) : [...(store.skuToProducts.get(`${shopId}|${line.sellerSku}`) ?? [])];
  const products = ids.map((id) => s.products[id]!).filter((p) => p.shop_id === shopId && p.status !== "DELETED");
  products.sort((a, b) => Number(b.status === "ACTIVATE") - Number(a.status === "ACTIVATE"));
  for (const p of products) {
    const sku = p.live.skus.find((k) => (line.skuId ? k.id === line.skuId : k.seller_sku === line.sellerSku));
    if (sku) return { p, sku };
  }
  return null;
}

export function createOrder(ctx: SandboxContext, store: Store, shopId: string, input: unknown): SandboxResponse {
  const s = store.s;
  const shop = s.shops[shopId];
  if (!shop) return badRequest(`unknown shop ${shopId}`, 404);
  const r = orderInput.safeParse(input);
  if (!r.success) return badRequest(`bad order: ${issues(r.error)}`);
  const d = r.data;
  const cur = shop.currency;
  const minor = (v: string | undefined) => (v === undefined ? 0 : toMinor(v, cur));
  const [shipping, discount, tax] = [minor(d.shippingFee), minor(d.discount), minor(d.tax)];
  if (shipping === null || discount === null || tax === null) return badRequest(`amounts must fit the currency ${cur}`);
  const units: { p: Product; sku: Sku }[] = [];
  for (const line of d.lineItems) {
    const found = resolveSku(store, shopId, line);
    if (!found) return badRequest(`no SKU ${line.skuId ?? line.sellerSku} in shop ${shopId}`, 404);
    for (let i = 0; i < line.quantity; i++) units.push(found);
  }
  const prices = units.map((u) => toMinor(u.sku.price.sale_price, cur) ?? 0);
  const total = prices.reduce((a, b) => a + b, 0);
  if (discount > total) return badRequest("discount is larger than the products' total");
  const now = ctx.now();
  let left = discount;
  // one line item per unit; the seller discount is spread over the units in proportion to their price
  const lineItems: LineItem[] = units.map((u, i) => {
    const share = i === units.length - 1 ? left : Math.floor((discount * prices[i]!) / Math.max(total, 1));
    left -= share;
    const names = u.sku.sales_attributes.map((a) => String(a.value_name ?? "")).filter(Boolean);
    return {
      id: nextId(s, "lineItem"), sku_id: u.sku.id, product_id: u.p.id, product_name: u.p.live.title, seller_sku: u.sku.seller_sku,
      sku_name: names.join(", ") || "Default", original_price: fromMinor(prices[i]!, cur), sale_price: fromMinor(prices[i]! - share, cur),
      seller_discount: fromMinor(share, cur), platform_discount: fromMinor(0, cur), currency: cur, package_id: null, is_gift: false,
    };
  });
  for (const u of units) {
    const inv = u.sku.inventory.find((x) => x.quantity > 0);
    if (inv) inv.quantity--; // an order takes the unit out of available stock
  }
  const warehouse = shop.warehouses.find((w) => w.is_default) ?? shop.warehouses[0]!;
  const name = d.address?.name ?? d.buyer?.name ?? "Sandbox Buyer";
  const [first, ...rest] = name.split(" ");
  const o: Order = {
    id: nextId(s, "order"), shop_id: shopId, status: d.status, create_time: sec(now), update_time: sec(now), paid_time: null, on_hold_until: null,
    was_on_hold: false, line_items: lineItems, is_sample_order: d.isSample ?? false, packages: [], external_orders: [], cancel_reason: null,
    warehouse_id: warehouse.id, delivery_option_id: defaultDeliveryOption(warehouse.id), status_history: [],
    buyer: { user_id: d.buyer?.userId ?? `7${crypto.randomInt(1e9, 9e9)}${crypto.randomInt(1e8, 9e8)}`, email: d.buyer?.email ?? `buyer${crypto.randomInt(1e5, 9e5)}@scs.tiktokw.us`, message: d.buyer?.message ?? "" },
    payment: {
      currency: cur, original_total_product_price: fromMinor(total, cur), seller_discount: fromMinor(discount, cur), platform_discount: fromMinor(0, cur),
      sub_total: fromMinor(total - discount, cur), original_shipping_fee: fromMinor(shipping, cur), shipping_fee: fromMinor(shipping, cur),
      shipping_fee_seller_discount: fromMinor(0, cur), shipping_fee_platform_discount: fromMinor(0, cur), tax: fromMinor(tax, cur), product_tax: fromMinor(tax, cur),
      shipping_fee_tax: fromMinor(0, cur), total_amount: fromMinor(total - discount + shipping + tax, cur),
    },
    recipient_address: {
      name, first_name: first ?? "", last_name: rest.join(" "), phone_number: d.address?.phone ?? "(+1)213-***-1234",
      address_line1: d.address?.line1 ?? "5800 Bristol Pkwy", address_line2: d.address?.line2 ?? "", address_line3: "", address_line4: "",
      postal_code: d.address?.postalCode ?? "90230", region_code: shop.region,
      full_address: [d.address?.line1 ?? "5800 Bristol Pkwy", d.address?.city ?? "Culver City", d.address?.state ?? "CA", d.address?.postalCode ?? "90230"].join(", "),
      district_info: [
        { address_level_name: "Country", address_name: shop.region, address_level: "L0" },
        { address_level_name: "State", address_name: d.address?.state ?? "CA", address_level: "L1" },
        { address_level_name: "City", address_name: d.address?.city ?? "Culver City", address_level: "L3" },
      ],
    },
  };
  s.orders[o.id] = o;
  setStatus(ctx, store, o, d.status);
  return json(201, { orderId: o.id, status: o.status });
}

export function changeOrderStatus(ctx: SandboxContext, store: Store, orderId: string, input: unknown): SandboxResponse {
  settleOrders(ctx, store);
  const o = store.s.orders[orderId];
  if (!o) return badRequest(`unknown order ${orderId}`, 404);
  const r = statusInput.safeParse(input);
  if (!r.success) return badRequest(`expected {status, reason?, initiator?}: ${issues(r.error)}`);
  const allowed = TRANSITIONS[o.status];
  if (!allowed.includes(r.data.status)) {
    return { status: 409, body: { error: `order ${orderId} is ${o.status}; it cannot become ${r.data.status}`, from: o.status, allowed } };
  }
  setStatus(ctx, store, o, r.data.status, r.data.reason, r.data.initiator);
  return json(200, { orderId, status: o.status });
}

export function getOrderControl(ctx: SandboxContext, store: Store, orderId: string): SandboxResponse {
  settleOrders(ctx, store);
  const o = store.s.orders[orderId];
  if (!o) return badRequest(`unknown order ${orderId}`, 404);
  return json(200, {
    ...orderView(store, o), shop_id: o.shop_id, external_orders: o.external_orders, status_history: o.status_history,
    on_hold_until: o.on_hold_until === null ? null : new Date(o.on_hold_until).toISOString(),
    package_details: o.packages.map((id) => ({ ...packageView(store, store.s.packages[id]!), tracking_updates: store.s.packages[id]!.tracking_updates })),
  });
}

const ageInput = z.object({ hours: z.number().positive().max(24 * 365) }).strict();

/**
 * Move a shipped package's ship time back, so a test can reach the end of TikTok's tracking-edit window for
 * one package without moving the sandbox clock (which every other shop and token shares).
 */
export function agePackage(store: Store, packageId: string, input: unknown): SandboxResponse {
  const pkg = store.s.packages[packageId];
  if (!pkg) return badRequest(`unknown package ${packageId}`, 404);
  const r = ageInput.safeParse(input);
  if (!r.success) return badRequest(`expected {hours}: ${issues(r.error)}`);
  if (pkg.shipped_at === null) return badRequest(`package ${packageId} has not been shipped`, 409);
  pkg.shipped_at -= r.data.hours * 3_600_000;
  return json(200, { packageId, shippedAt: new Date(pkg.shipped_at).toISOString() });
}
