// TikTok order → Shopify orderCreate input. Pure: every amount is an exact decimal string, converted into the
// store's currency only when it differs from the buyer's (TikTok's) currency.
import { add, compare, formatAmount, isPositive, parseDecimal, sub, type Decimal } from "../product-sync/money";
import type { OrderSettings } from "../settings/sections/order-settings";
import { TIKTOK_ORDER_TAG, TIKTOK_SOURCE_NAME, tiktokOrderAttributes } from "./shopify-order-source";
import type { TikTokAddress, TikTokOrder } from "./tiktok-order";

export interface BuildShopifyOrderInput {
  order: TikTokOrder;
  shop: { tiktokShopId: string; name: string };
  /** The Shopify store's currency (shop money); TikTok's payment currency is the presentment currency. */
  shopCurrency: string;
  /** TikTok currency units per Shopify currency unit (product sync's exchange rate); needed when the currencies differ. */
  exchangeRate: string | null;
  /** TikTok SKU id → Shopify variant gid, for every SKU of the order. */
  variants: ReadonlyMap<string, string>;
  settings: Pick<OrderSettings, "fallbackEmail" | "inventoryBehaviour">;
}

type MoneyBag = { shopMoney: { amount: string; currencyCode: string }; presentmentMoney: { amount: string; currencyCode: string } };

export interface ShopifyOrderCreate {
  order: Record<string, unknown> & { lineItems: { variantId: string; quantity: number; priceSet: MoneyBag }[] };
  options: { inventoryBehaviour: OrderSettings["inventoryBehaviour"]; sendReceipt: false; sendFulfillmentReceipt: false };
}

export type BuildResult = { ok: true; input: ShopifyOrderCreate; itemCount: number } | { ok: false; reason: string; missingSkuIds?: string[] };

export const DISCOUNT_CODE = "TikTok discounts";
const MAX_TAG = 40;

const dec = (text: string): Decimal => parseDecimal(text) ?? { units: 0n };
const ONE = dec("1").units;

/** A starred or empty value: TikTok hides the buyer's details. */
export function isMasked(value: string | null | undefined): boolean {
  return !value || !value.trim() || value.includes("*");
}

export function buildShopifyOrder({ order, shop, shopCurrency, exchangeRate, variants, settings }: BuildShopifyOrderInput): BuildResult {
  const presentment = order.payment.currency;
  const missing = [...new Set(order.line_items.map((l) => l.sku_id).filter((id) => !variants.has(id)))];
  if (missing.length) return { ok: false, reason: `No Shopify variant for TikTok SKU ${missing.join(", ")}.`, missingSkuIds: missing };
  let rate: Decimal | null = null;
  if (presentment !== shopCurrency) {
    rate = exchangeRate ? parseDecimal(exchangeRate) : null;
    if (!rate || !isPositive(rate)) {
      return { ok: false, reason: `The order is in ${presentment} and the Shopify store in ${shopCurrency}: set the exchange rate under Settings → Product sync.` };
    }
  }
  const toShop = (a: Decimal): Decimal => (rate ? { units: (a.units * ONE + rate.units / 2n) / rate.units } : a);
  const bag = (a: Decimal): MoneyBag => ({
    shopMoney: { amount: formatAmount(toShop(a), shopCurrency), currencyCode: shopCurrency },
    presentmentMoney: { amount: formatAmount(a, presentment), currencyCode: presentment },
  });

  // TikTok sends one line item per unit: group them into quantities per SKU and unit price.
  const groups = new Map<string, { skuId: string; price: string; quantity: number }>();
  let discount: Decimal = { units: 0n };
  for (const line of order.line_items) {
    const key = `${line.sku_id}|${dec(line.original_price).units}`;
    const group = groups.get(key) ?? { skuId: line.sku_id, price: line.original_price, quantity: 0 };
    group.quantity += 1;
    groups.set(key, group);
    discount = add(discount, sub(dec(line.original_price), dec(line.sale_price)));
  }
  const lineItems = [...groups.values()].map((g) => ({ variantId: variants.get(g.skuId)!, quantity: g.quantity, priceSet: bag(dec(g.price)) }));

  const p = order.payment;
  const [subTotal, shipping, tax, deliveryFee, total] = [p.sub_total, p.shipping_fee, p.tax, p.retail_delivery_fee, p.total_amount].map(dec) as [Decimal, Decimal, Decimal, Decimal, Decimal];
  // US prices are pre-tax (total = sub_total + shipping + tax + fees); elsewhere VAT is inside the prices.
  const withoutTax = add(add(subTotal, shipping), deliveryFee);
  const taxesIncluded = isPositive(tax) && compare(add(withoutTax, tax), total) !== 0 && compare(withoutTax, total) === 0;
  const base = add(subTotal, shipping);
  const taxLines: Record<string, unknown>[] = [];
  if (isPositive(tax)) {
    // TikTok collects and remits the tax (marketplace facilitator): the channel is liable, not the merchant.
    taxLines.push({ title: "Tax collected by TikTok", rate: taxRate(tax, base), priceSet: bag(tax), channelLiable: true });
  }
  if (isPositive(deliveryFee)) taxLines.push({ title: "Retail delivery fee", rate: taxRate(deliveryFee, base), priceSet: bag(deliveryFee), channelLiable: true });

  const tags = [TIKTOK_ORDER_TAG, shop.name.replace(/,/g, " ").trim().slice(0, MAX_TAG)].filter(Boolean);
  if (order.is_sample_order) tags.push("Sample");
  if (order.is_replacement_order) tags.push("Replacement");

  const email = isMasked(order.buyer_email) ? settings.fallbackEmail || undefined : order.buyer_email;
  const address = order.recipient_address ? shippingAddress(order.recipient_address) : undefined;
  const input: ShopifyOrderCreate["order"] = {
    currency: shopCurrency,
    presentmentCurrency: presentment,
    sourceName: TIKTOK_SOURCE_NAME,
    sourceIdentifier: order.id,
    customAttributes: tiktokOrderAttributes({ tiktokShopId: shop.tiktokShopId, tiktokOrderId: order.id }),
    tags: [...new Set(tags)],
    processedAt: new Date(order.create_time * 1000).toISOString(),
    lineItems,
    shippingLines: [{ title: order.delivery_option_name || "TikTok Shop shipping", code: "TIKTOK_SHIPPING", source: TIKTOK_SOURCE_NAME, priceSet: bag(shipping) }],
    taxesIncluded,
    transactions: [{ kind: "SALE", status: "SUCCESS", gateway: "TikTok Shop", amountSet: bag(total), processedAt: new Date(order.create_time * 1000).toISOString() }],
    ...(taxLines.length ? { taxLines } : {}),
    ...(isPositive(discount) ? { discountCode: { itemFixedDiscountCode: { code: DISCOUNT_CODE, amountSet: bag(discount) } } } : {}),
    ...(email ? { email } : {}),
    ...(address ? { shippingAddress: address } : {}),
    ...(order.buyer_message?.trim() ? { note: `Buyer message on TikTok: ${order.buyer_message.trim().slice(0, 1000)}` } : {}),
  };
  return {
    ok: true,
    itemCount: order.line_items.length,
    input: { order: input, options: { inventoryBehaviour: settings.inventoryBehaviour, sendReceipt: false, sendFulfillmentReceipt: false } },
  };
}

/** amount / base to four decimals (Shopify wants a rate beside the amount; the amount is what counts). */
function taxRate(amount: Decimal, base: Decimal): string {
  if (!isPositive(base)) return "0";
  const tenThousandths = (amount.units * 10_000n + base.units / 2n) / base.units;
  return (Number(tenThousandths) / 10_000).toFixed(4);
}

function shippingAddress(a: TikTokAddress): Record<string, string> | undefined {
  const level = (l: string) => a.district_info.find((d) => d.address_level === l)?.address_name;
  const [first, ...rest] = (a.name ?? "").trim().split(/\s+/);
  const out: Record<string, string | undefined> = {
    firstName: a.first_name || first || undefined,
    lastName: a.last_name || rest.join(" ") || undefined,
    address1: a.address_line1 || undefined,
    address2: [a.address_line2, a.address_line3, a.address_line4].filter((x) => x && x.trim()).join(", ") || undefined,
    city: level("L3") ?? level("L2"),
    province: level("L1"),
    zip: a.postal_code || undefined,
    countryCode: a.region_code === "UK" ? "GB" : a.region_code || undefined,
    phone: isMasked(a.phone_number) ? undefined : a.phone_number,
  };
  const entries = Object.entries(out).filter((e): e is [string, string] => !!e[1]);
  return entries.some(([k]) => k === "address1") ? Object.fromEntries(entries) : undefined;
}
