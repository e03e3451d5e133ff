import type { RequestedRow, ReviewProduct, ReviewRow } from "./product-types";

// The review dialog's checkboxes: the member's choice for the row, else the selection mode's:
// "default" is the model's (`checked`: clean exact matches only), "all" checks every row with a
// proposal on every page (also pages not opened yet: see restSelection), "none" checks nothing.
// Only rows with a proposed variant can be checked.

export type Overrides = ReadonlyMap<string, boolean>;
export type SelectionMode = "default" | "all" | "none";

export const canCheck = (row: ReviewRow) => row.shopify !== null && row.rule !== null;

export function isChecked({ row, overrides, mode = "default" }: { row: ReviewRow; overrides: Overrides; mode?: SelectionMode }): boolean {
  return canCheck(row) && (overrides.get(row.tiktokSkuId) ?? (mode === "default" ? row.checked : mode === "all"));
}

/**
 * What "Map" asks beyond the opened pages: with "Select all", every proposal after the last opened
 * page (the server computes them). Not with auto-sync on, whose overwrite preview covers only rows
 * the member has seen; nor when every page is open.
 */
export function restSelection({ mode, nextCursor, autoSync }: { mode: SelectionMode; nextCursor: string | null | undefined; autoSync: boolean }): { after: string } | undefined {
  return mode === "all" && nextCursor && !autoSync ? { after: nextCursor } : undefined;
}

export function setChecked({ overrides, rows, value }: { overrides: Overrides; rows: readonly ReviewRow[]; value: boolean }): Map<string, boolean> {
  const next = new Map(overrides);
  for (const row of rows) if (canCheck(row)) next.set(row.tiktokSkuId, value);
  return next;
}

/** The rows "Map" sends, as createMappingBatch expects them. */
export function checkedBatchRows({ products, overrides, mode = "default" }: { products: readonly ReviewProduct[]; overrides: Overrides; mode?: SelectionMode }): RequestedRow[] {
  return products.flatMap((product) =>
    product.rows.flatMap((row) =>
      isChecked({ row, overrides, mode }) && row.shopify && row.rule
        ? [{ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify.variantId, rule: row.rule, snapshot: row.snapshot }]
        : [],
    ),
  );
}
