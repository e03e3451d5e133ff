// Markets and their currencies (search-products spec, price.currency) and decimal places.
export const REGION_CURRENCY: Record<string, string> = {
  US: "USD", GB: "GBP", DE: "EUR", FR: "EUR", IT: "EUR", ES: "EUR", IE: "EUR", JP: "JPY", MX: "MXN", BR: "BRL",
  ID: "IDR", MY: "MYR", PH: "PHP", SG: "SGD", TH: "THB", VN: "VND",
};
const ZERO_DECIMALS = new Set(["JPY", "IDR", "VND"]);

export function decimals(currency: string): number {
  return ZERO_DECIMALS.has(currency) ? 0 : 2;
}

/** Parse a decimal string into minor units; null when malformed. */
export function toMinor(amount: string, currency: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(amount)) return null;
  const d = decimals(currency);
  const [whole, frac = ""] = amount.split(".");
  if (frac.length > d && /[1-9]/.test(frac.slice(d))) return null;
  return Number(whole) * 10 ** d + Number((frac + "00").slice(0, d) || "0");
}

export function fromMinor(minor: number, currency: string): string {
  const d = decimals(currency);
  if (d === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Normalise a valid decimal string to the currency's precision ("5" → "5.00" in USD). */
export function normalizeAmount(amount: string, currency: string): string | null {
  const m = toMinor(amount, currency);
  return m === null ? null : fromMinor(m, currency);
}

// Carriers for seller shipping by market (ids are sandbox-stable; real ids come from Get Shipping Providers).
export const SHIPPING_PROVIDERS: Record<string, { id: string; name: string }[]> = {
  US: [
    { id: "7117858858072016686", name: "USPS" }, { id: "7117859084333745966", name: "UPS" }, { id: "7117859137253291818", name: "FedEx" },
    { id: "7129736225058998062", name: "DHL eCommerce" }, { id: "7212611208445150977", name: "OnTrac" },
  ],
  GB: [
    { id: "7064067227853750018", name: "Royal Mail" }, { id: "7064067427989194498", name: "DPD" }, { id: "7064067545165465346", name: "Evri" },
    { id: "7064067664875079426", name: "DHL" },
  ],
  DEFAULT: [{ id: "6617675021119438849", name: "TT Virtual express" }, { id: "7064067664875079499", name: "DHL Express" }],
};

export function providersFor(region: string): { id: string; name: string }[] {
  return SHIPPING_PROVIDERS[region] ?? SHIPPING_PROVIDERS.DEFAULT!;
}
