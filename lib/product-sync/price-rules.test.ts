import { describe, expect, it } from "vitest";
import { priceRulesSchema } from "../settings/sections/product-sync-settings";
import { computeTikTokPrice } from "./price-rules";

const rules = (over: Partial<ReturnType<typeof priceRulesSchema.parse>> = {}) => priceRulesSchema.parse({ compareAtAsListPrice: true, ...over });

describe("computeTikTokPrice", () => {
  it.each([
    { name: "no rules: the Shopify price", price: "19.99", rules: rules(), want: { price: "19.99", listPrice: null } },
    { name: "percentage markup", price: "20.00", rules: rules({ percentMarkup: "12.5" }), want: { price: "22.50", listPrice: null } },
    { name: "negative percentage (a discount)", price: "20.00", rules: rules({ percentMarkup: "-10" }), want: { price: "18.00", listPrice: null } },
    { name: "fixed markup after the percentage", price: "20.00", rules: rules({ percentMarkup: "10", fixedMarkup: "1.5" }), want: { price: "23.50", listPrice: null } },
    { name: "rounding to .99 for the currency", price: "20.00", rules: rules({ percentMarkup: "10", roundingEndings: [{ currency: "USD", ending: "0.99" }] }), want: { price: "22.99", listPrice: null } },
    { name: "rounding for another currency is ignored", price: "20.00", rules: rules({ roundingEndings: [{ currency: "EUR", ending: "0.99" }] }), want: { price: "20.00", listPrice: null } },
    { name: "compare-at becomes the US list price", price: "20.00", compareAt: "30.00", rules: rules(), want: { price: "20.00", listPrice: "30.00" } },
    { name: "compare-at goes through the same rules", price: "20.00", compareAt: "30.00", rules: rules({ percentMarkup: "10" }), want: { price: "22.00", listPrice: "33.00" } },
    { name: "compare-at below the price is dropped", price: "20.00", compareAt: "15.00", rules: rules(), want: { price: "20.00", listPrice: null } },
    { name: "compare-at switched off", price: "20.00", compareAt: "30.00", rules: rules({ compareAtAsListPrice: false }), want: { price: "20.00", listPrice: null } },
    { name: "no list price outside the US", price: "20.00", compareAt: "30.00", region: "GB", currency: "GBP", rules: rules({ exchangeRate: "0.8" }), want: { price: "16.00", listPrice: null } },
    { name: "exchange rate when the currencies differ", price: "19.99", region: "DE", currency: "EUR", rules: rules({ exchangeRate: "0.9215" }), want: { price: "18.42", listPrice: null } },
    { name: "exchange rate ignored in the same currency", price: "19.99", rules: rules({ exchangeRate: "2" }), want: { price: "19.99", listPrice: null } },
    { name: "JPY has no minor unit", price: "19.99", region: "JP", currency: "JPY", rules: rules({ exchangeRate: "151.3", roundingEndings: [{ currency: "JPY", ending: "80" }] }), want: { price: "3080", listPrice: null } },
  ])("$name", ({ price, compareAt, region, currency, rules: r, want }) => {
    expect(computeTikTokPrice({ price, compareAtPrice: compareAt ?? null, shopifyCurrency: "USD", tiktokCurrency: currency ?? "USD", region: region ?? "US", rules: r })).toEqual({ ok: true, ...want });
  });

  it.each([
    { name: "currencies differ without a rate", price: "10.00", currency: "EUR", rules: rules(), reason: /set an exchange rate/ },
    { name: "a zero price", price: "0", currency: "USD", rules: rules(), reason: /not a positive amount/ },
    { name: "a markup that makes it negative", price: "10.00", currency: "USD", rules: rules({ percentMarkup: "-99.99" }), reason: /zero or less/ },
  ])("refuses $name", ({ price, currency, rules: r, reason }) => {
    const result = computeTikTokPrice({ price, compareAtPrice: null, shopifyCurrency: "USD", tiktokCurrency: currency, region: "US", rules: r });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
