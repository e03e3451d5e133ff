import { describe, expect, it } from "vitest";
import { buildShopifyOrder, DISCOUNT_CODE, isMasked, type BuildShopifyOrderInput } from "./build-shopify-order";
import { TIKTOK_ORDER_ATTRIBUTE, TIKTOK_SHOP_ATTRIBUTE, TIKTOK_SOURCE_NAME } from "./shopify-order-source";
import { parseTikTokOrder, type TikTokOrder } from "./tiktok-order";

const line = (id: string, sku: string, original: string, sale = original) => ({ id, sku_id: sku, seller_sku: `S-${sku}`, original_price: original, sale_price: sale });

function order(over: Partial<Record<string, unknown>> = {}): TikTokOrder {
  const parsed = parseTikTokOrder({
    id: "5770001",
    status: "AWAITING_SHIPMENT",
    create_time: 1_790_000_000,
    update_time: 1_790_000_100,
    buyer_email: "buyer123@scs.tiktokw.us",
    recipient_address: {
      name: "Ada Lovelace", first_name: "Ada", last_name: "Lovelace", phone_number: "(+1)213-***-1234", address_line1: "5800 Bristol Pkwy", address_line2: "Suite 2",
      postal_code: "90230", region_code: "US",
      district_info: [{ address_level: "L0", address_name: "US" }, { address_level: "L1", address_name: "CA" }, { address_level: "L3", address_name: "Culver City" }],
    },
    payment: { currency: "USD", sub_total: "30.00", shipping_fee: "4.99", tax: "2.70", total_amount: "37.69" },
    line_items: [line("1", "A", "10.00"), line("2", "A", "10.00"), line("3", "B", "10.00")],
    ...over,
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.order;
}

const base = (o: TikTokOrder, extra: Partial<BuildShopifyOrderInput> = {}): BuildShopifyOrderInput => ({
  order: o,
  shop: { tiktokShopId: "7001", name: "Acme US" },
  shopCurrency: "USD",
  exchangeRate: null,
  variants: new Map([["A", "gid://shopify/ProductVariant/11"], ["B", "gid://shopify/ProductVariant/12"], ["C", "gid://shopify/ProductVariant/13"]]),
  settings: { fallbackEmail: "", inventoryBehaviour: "DECREMENT_IGNORING_POLICY" },
  ...extra,
});

function built(input: BuildShopifyOrderInput) {
  const r = buildShopifyOrder(input);
  if (!r.ok) throw new Error(r.reason);
  return r.input;
}

describe("buildShopifyOrder", () => {
  it("names the TikTok order through the shared source convention", () => {
    const { order: o, options } = built(base(order()));
    expect(o.sourceName).toBe(TIKTOK_SOURCE_NAME);
    expect(o.sourceIdentifier).toBe("5770001");
    expect(o.customAttributes).toEqual([{ key: TIKTOK_SHOP_ATTRIBUTE, value: "7001" }, { key: TIKTOK_ORDER_ATTRIBUTE, value: "5770001" }]);
    expect(o.tags).toEqual(["TikTok", "Acme US"]);
    expect(options).toEqual({ inventoryBehaviour: "DECREMENT_IGNORING_POLICY", sendReceipt: false, sendFulfillmentReceipt: false });
  });

  it.each([
    { name: "one line per unit becomes a quantity", lines: [line("1", "A", "10.00"), line("2", "A", "10.00"), line("3", "B", "5.00")], want: [["11", 2, "10.00"], ["12", 1, "5.00"]] },
    { name: "the same SKU at two prices stays two lines", lines: [line("1", "A", "10.00"), line("2", "A", "9.00")], want: [["11", 1, "10.00"], ["11", 1, "9.00"]] },
    { name: "amounts written differently are the same price", lines: [line("1", "C", "10"), line("2", "C", "10.00")], want: [["13", 2, "10.00"]] },
  ])("$name", ({ lines, want }) => {
    const { order: o } = built(base(order({ line_items: lines })));
    expect(o.lineItems.map((l) => [l.variantId.split("/").pop(), l.quantity, l.priceSet.presentmentMoney.amount])).toEqual(want);
  });

  it.each([
    { name: "no discount: no discount code", lines: [line("1", "A", "10.00")], discount: null },
    { name: "seller and platform discounts add up to the code's amount", lines: [line("1", "A", "10.00", "8.50"), line("2", "A", "10.00", "9.00"), line("3", "B", "3.33", "3.00")], discount: "2.83" },
  ])("$name", ({ lines, discount }) => {
    const { order: o } = built(base(order({ line_items: lines })));
    const code = (o.discountCode as { itemFixedDiscountCode: { code: string; amountSet: { shopMoney: { amount: string } } } } | undefined)?.itemFixedDiscountCode;
    expect(code?.amountSet.shopMoney.amount ?? null).toBe(discount);
    if (discount) expect(code?.code).toBe(DISCOUNT_CODE);
  });

  it("carries shipping, tax (TikTok is liable) and the paid total as a transaction", () => {
    const { order: o } = built(base(order()));
    expect(o.shippingLines).toEqual([expect.objectContaining({ priceSet: { shopMoney: { amount: "4.99", currencyCode: "USD" }, presentmentMoney: { amount: "4.99", currencyCode: "USD" } } })]);
    expect(o.taxLines).toEqual([{ title: "Tax collected by TikTok", rate: "0.0772", channelLiable: true, priceSet: { shopMoney: { amount: "2.70", currencyCode: "USD" }, presentmentMoney: { amount: "2.70", currencyCode: "USD" } } }]);
    expect(o.taxesIncluded).toBe(false);
    expect((o.transactions as { amountSet: { shopMoney: { amount: string } } }[])[0]!.amountSet.shopMoney.amount).toBe("37.69");
  });

  it("VAT inside the prices: taxes included", () => {
    const o = order({ payment: { currency: "GBP", sub_total: "20.00", shipping_fee: "0", tax: "3.33", total_amount: "20.00" } });
    expect(built(base(o, { shopCurrency: "GBP" })).order.taxesIncluded).toBe(true);
  });

  it.each([
    { name: "same currency: both bags equal", currency: "USD", shopCurrency: "USD", rate: null, price: "10.00", shop: "10.00" },
    { name: "GBP order, USD store at 0.79 GBP per USD", currency: "GBP", shopCurrency: "USD", rate: "0.79", price: "10.00", shop: "12.66" },
    { name: "JPY order has no minor unit", currency: "JPY", shopCurrency: "USD", rate: "150", price: "1500", shop: "10.00" },
    { name: "USD order into a JPY store", currency: "USD", shopCurrency: "JPY", rate: "0.0066", price: "10.00", shop: "1515" },
  ])("$name", ({ currency, shopCurrency, rate, price, shop }) => {
    const o = order({ payment: { currency, sub_total: price, total_amount: price }, line_items: [line("1", "A", price)] });
    const { order: input } = built(base(o, { shopCurrency, exchangeRate: rate }));
    expect(input.currency).toBe(shopCurrency);
    expect(input.presentmentCurrency).toBe(currency);
    expect(input.lineItems[0]!.priceSet).toEqual({ shopMoney: { amount: shop, currencyCode: shopCurrency }, presentmentMoney: { amount: price, currencyCode: currency } });
  });

  it("refuses other currencies without an exchange rate", () => {
    const o = order({ payment: { currency: "GBP", sub_total: "1", total_amount: "1" } });
    const r = buildShopifyOrder(base(o, { shopCurrency: "USD" }));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("set the exchange rate") });
  });

  it("an unmapped SKU is named, and nothing is built", () => {
    const r = buildShopifyOrder(base(order({ line_items: [line("1", "A", "1"), line("2", "Z", "1"), line("3", "Z", "1")] })));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("Z"), missingSkuIds: ["Z"] });
  });

  it.each([
    { name: "a real address is kept", email: "ada@example.com", fallback: "orders@acme.test", want: "ada@example.com" },
    { name: "a masked email takes the fallback", email: "a***@example.com", fallback: "orders@acme.test", want: "orders@acme.test" },
    { name: "no email takes the fallback", email: "", fallback: "orders@acme.test", want: "orders@acme.test" },
    { name: "masked without a fallback: no email", email: "", fallback: "", want: undefined },
  ])("$name", ({ email, fallback, want }) => {
    const { order: o } = built(base(order({ buyer_email: email }), { settings: { fallbackEmail: fallback, inventoryBehaviour: "BYPASS" } }));
    expect(o.email).toBe(want);
  });

  it("maps the address; a masked phone is left out", () => {
    const { order: o } = built(base(order()));
    expect(o.shippingAddress).toEqual({ firstName: "Ada", lastName: "Lovelace", address1: "5800 Bristol Pkwy", address2: "Suite 2", city: "Culver City", province: "CA", zip: "90230", countryCode: "US" });
    expect(isMasked("(+1)213-***-1234")).toBe(true);
  });

  it("an ON_HOLD order without an address has none", () => {
    expect(built(base(order({ recipient_address: null }))).order.shippingAddress).toBeUndefined();
  });

  it("samples and replacements are tagged", () => {
    expect(built(base(order({ is_sample_order: true }))).order.tags).toEqual(["TikTok", "Acme US", "Sample"]);
    expect(built(base(order({ is_replacement_order: true }))).order.tags).toEqual(["TikTok", "Acme US", "Replacement"]);
  });

  it.each([
    { name: "no line items", over: { line_items: [] }, field: "line_items" },
    { name: "a float price", over: { line_items: [{ ...line("1", "A", "1"), sale_price: 1.5 }] }, field: "line_items.0.sale_price" },
    { name: "no payment", over: { payment: undefined }, field: "payment" },
    { name: "an unknown status", over: { status: "LOST" }, field: "status" },
  ])("a malformed order is refused with the field: $name", ({ over, field }) => {
    const r = parseTikTokOrder({ ...order(), ...over });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(field);
  });
});
