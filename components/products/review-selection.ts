import type { RequestedRow, ReviewProduct, ReviewRow } from "./product-types";

// The review dialog's checkboxes: the model's default (`checked`: clean exact matches only) unless
// the member changed the row. Only rows with a proposed variant can be checked.

export type Overrides = ReadonlyMap<string, boolean>;

export const canCheck = (row: ReviewRow) => row.shopify !== null && row.rule !== null;

export function isChecked({ row, overrides }: { row: ReviewRow; overrides: Overrides }): boolean {
  return canCheck(row) && (overrides.get(row.tiktokSkuId) ?? row.checked);
}

export function setChecked({ overrides, rows, value }: { overrides: Overrides; rows: readonly ReviewRow[]; value: boolean }): Map<string, boolean> {
  const next = new Map(overrides);
  for (const row of rows) if (canCheck(row)) next.set(row.tiktokSkuId, value);
  return next;
}

/** The rows "Map" sends, as createMappingBatch expects them. */
export function checkedBatchRows({ products, overrides }: { products: readonly ReviewProduct[]; overrides: Overrides }): RequestedRow[] {
  return products.flatMap((product) =>
    product.rows.flatMap((row) =>
      isChecked({ row, overrides }) && row.shopify && row.rule
        ? [{ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify.variantId, rule: row.rule, snapshot: row.snapshot }]
        : [],
    ),
  );
}
