import type { MatchOption } from "./match-types";

const BARCODE_SHAPE = /^[\d\s-]+$/;

/**
 * A GTIN compared by digits only, leading zeros dropped: UPC-A 012345678905 and EAN-13
 * 0012345678905 are the same number (GTIN-14 pads every GTIN with zeros on the left).
 * Anything that is not 8 to 14 digits (with optional spaces or hyphens) is no GTIN → null.
 */
export function barcodeKey(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (!BARCODE_SHAPE.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 14) return null;
  const key = digits.replace(/^0+/, "");
  return key === "" ? null : key;
}

/** The raw barcode strings a GTIN key can be stored as (for an indexed `barcode IN (…)` lookup). */
export function barcodeSpellings(key: string): string[] {
  const spellings = new Set<string>([key]);
  for (const length of [8, 12, 13, 14]) if (length >= key.length) spellings.add(key.padStart(length, "0"));
  return [...spellings];
}

/** Distinct lower-case word tokens of a title (letters and digits, at least two characters). */
export function titleTokens(title: string): string[] {
  const tokens = new Set<string>();
  for (const token of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (token.length >= 2) tokens.add(token);
  return [...tokens];
}

// Shopify gives a variant-less product one variant with the option Title = "Default Title".
const isDefaultOption = (option: MatchOption) => option.name === "Title" && option.value === "Default Title";

/** Option values as a comparable key: names are ignored ("Color" vs "Colour"), order too. */
export function optionsKey(options: readonly MatchOption[]): string {
  return options
    .filter((option) => !isDefaultOption(option))
    .map((option) => option.value.trim().toLowerCase().replace(/\s+/g, " "))
    .sort()
    .join("\u0000");
}
