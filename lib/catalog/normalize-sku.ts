/**
 * A seller SKU as the matcher compares it: trimmed, lower case, inner whitespace collapsed to one space.
 * Blank SKUs normalize to null, so they never match each other.
 */
export function normalizeSku(sku: string | null | undefined): string | null {
  if (sku === null || sku === undefined) return null;
  const normalized = sku.trim().replace(/\s+/g, " ").toLowerCase();
  return normalized === "" ? null : normalized;
}
