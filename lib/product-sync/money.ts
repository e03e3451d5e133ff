// Money as exact decimals (never floats): amounts are BigInt counts of 10^-9 units, so a markup of
// 12.5 % or an exchange rate of 1.0823 multiplies without rounding error until the final, deliberate
// rounding to the currency's minor unit.

const SCALE = 9;
const ONE = 10n ** BigInt(SCALE);

/** An exact decimal: `units` / 10^9. */
export interface Decimal {
  units: bigint;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const fraction = (m[3] ?? "").slice(0, SCALE).padEnd(SCALE, "0");
  const units = BigInt(m[2]!) * ONE + BigInt(fraction);
  return { units: m[1] ? -units : units };
}

export function decimalOrThrow(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw new Error(`not a decimal amount: ${JSON.stringify(text)}`);
  return d;
}

export const add = (a: Decimal, b: Decimal): Decimal => ({ units: a.units + b.units });
export const sub = (a: Decimal, b: Decimal): Decimal => ({ units: a.units - b.units });
export const compare = (a: Decimal, b: Decimal): number => (a.units < b.units ? -1 : a.units > b.units ? 1 : 0);
export const isPositive = (a: Decimal): boolean => a.units > 0n;

/** a × b, rounded half away from zero at the 9th decimal. */
export function mul(a: Decimal, b: Decimal): Decimal {
  const product = a.units * b.units;
  const half = ONE / 2n;
  const rounded = product >= 0n ? (product + half) / ONE : -((-product + half) / ONE);
  return { units: rounded };
}

// ISO 4217 minor units of the markets TikTok Shop serves, and of common Shopify shop currencies.
const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "IDR", "CLP", "ISK", "HUF", "TWD", "UGX"]);

/** Digits after the decimal point for a currency: JPY, VND and IDR have no minor unit. */
export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** Rounds half up to the currency's minor unit. */
export function roundToCurrency(a: Decimal, currency: string): Decimal {
  const step = 10n ** BigInt(SCALE - minorDigits(currency));
  const half = step / 2n;
  const units = a.units >= 0n ? ((a.units + half) / step) * step : -(((-a.units + half) / step) * step);
  return { units };
}

/**
 * The smallest price ≥ `a` that ends in `ending`: with ending 0.99, 12.40 → 12.99 and 12.99 → 12.99.
 * The ending is the part below one whole unit (below 100 units for currencies without a minor unit, so
 * JPY with ending 80 gives 1,280 for 1,234).
 */
export function roundUpToEnding(a: Decimal, { ending, currency }: { ending: Decimal; currency: string }): Decimal {
  const step = minorDigits(currency) === 0 ? 100n * ONE : ONE;
  const base = a.units >= 0n ? (a.units / step) * step : -((-a.units + step - 1n) / step) * step;
  let units = base + ending.units;
  if (units < a.units) units += step;
  return { units };
}

/** The amount in the currency's form: 12.5 USD → "12.50", 1280 JPY → "1280". */
export function formatAmount(a: Decimal, currency: string): string {
  const digits = minorDigits(currency);
  const rounded = roundToCurrency(a, currency).units;
  const negative = rounded < 0n;
  const abs = negative ? -rounded : rounded;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(SCALE, "0").slice(0, digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
}

/** Two amounts as TikTok or Shopify write them are the same money ("10" = "10.00"). */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x !== null && y !== null ? x.units === y.units : a === b;
}
