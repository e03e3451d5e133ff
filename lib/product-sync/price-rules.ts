import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import { add, compare, decimalOrThrow, formatAmount, isPositive, mul, parseDecimal, roundToCurrency, roundUpToEnding, type Decimal } from "./money";

// TikTok takes a list (strikethrough) price only in the US market (Update Price: list_price "Applicable only
// for the US market", currency USD).
const LIST_PRICE_REGIONS = new Set(["US"]);

export interface PriceInput {
  /** Shopify's variant price and compare-at price, in the store's currency. */
  price: string;
  compareAtPrice: string | null;
  shopifyCurrency: string;
  /** The TikTok market. */
  tiktokCurrency: string;
  region: string;
  rules: ProductSyncSettings["price"];
}

export type PriceResult = { ok: true; price: string; listPrice: string | null } | { ok: false; reason: string };

/**
 * Shopify price → TikTok price: exchange rate (when the currencies differ), percentage markup, fixed markup,
 * the currency's rounding, then the ending the merchant chose. The compare-at price goes through the same
 * rules and becomes the list price where the market has one and it is above the price.
 */
export function computeTikTokPrice(input: PriceInput): PriceResult {
  const price = parseDecimal(input.price);
  if (!price || !isPositive(price)) return { ok: false, reason: `Shopify's price ${JSON.stringify(input.price)} is not a positive amount.` };
  let rate: Decimal | null = null;
  if (input.shopifyCurrency.toUpperCase() !== input.tiktokCurrency.toUpperCase()) {
    if (!input.rules.exchangeRate) {
      return { ok: false, reason: `The store sells in ${input.shopifyCurrency} and this TikTok market in ${input.tiktokCurrency}: set an exchange rate under Settings → Product sync.` };
    }
    rate = decimalOrThrow(input.rules.exchangeRate);
  }
  const convert = (amount: Decimal) => applyRules({ amount, rate, rules: input.rules, currency: input.tiktokCurrency });
  const out = convert(price);
  if (!isPositive(out)) return { ok: false, reason: `The price rules make ${input.price} ${input.shopifyCurrency} zero or less on TikTok.` };
  let listPrice: string | null = null;
  const compareAt = input.compareAtPrice ? parseDecimal(input.compareAtPrice) : null;
  if (input.rules.compareAtAsListPrice && compareAt && LIST_PRICE_REGIONS.has(input.region.toUpperCase())) {
    const list = convert(compareAt);
    if (compare(list, out) > 0) listPrice = formatAmount(list, input.tiktokCurrency);
  }
  return { ok: true, price: formatAmount(out, input.tiktokCurrency), listPrice };
}

function applyRules({ amount, rate, rules, currency }: { amount: Decimal; rate: Decimal | null; rules: ProductSyncSettings["price"]; currency: string }): Decimal {
  let value = rate ? mul(amount, rate) : amount;
  const percent = decimalOrThrow(rules.percentMarkup);
  if (percent.units !== 0n) value = add(value, mul(value, mul(percent, decimalOrThrow("0.01"))));
  value = add(value, decimalOrThrow(rules.fixedMarkup));
  value = roundToCurrency(value, currency);
  const ending = rules.roundingEndings.find((r) => r.currency === currency.toUpperCase());
  if (ending) value = roundUpToEnding(value, { ending: decimalOrThrow(ending.ending), currency });
  return value;
}
