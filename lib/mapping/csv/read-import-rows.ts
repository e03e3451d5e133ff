import { AppError, badRequest } from "../../errors";
import { unguardCell } from "./format-csv";
import { parseCsv } from "./parse-csv";

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type TikTokKey = { by: "id" | "sellerSku"; value: string };
export type ShopifyKey = { by: "id" | "sku"; value: string };

/** One data row of the file; `row` is its record number with the header as row 1. */
export interface ImportRow {
  row: number;
  tiktok: TikTokKey | null;
  shopify: ShopifyKey | null;
}

const COLUMNS = { tiktokId: "tiktok_sku_id", sellerSku: "seller_sku", variantId: "shopify_variant_id", shopifySku: "shopify_sku" } as const;

/**
 * Reads the import file's header and rows (blank lines skipped). Each row is keyed by the id
 * column when it has a value and by the SKU column otherwise, so an exported file, which has
 * both, imports by id. File-level problems are a 4xx with the reason; row problems are left to
 * the validation so that they are all reported together.
 */
export function readImportRows(csv: string): ImportRow[] {
  if (Buffer.byteLength(csv, "utf8") > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The CSV is larger than 5 MB. Split it into several files.");
  const [header, ...records] = parseCsv(csv);
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const at = { tiktokId: column(COLUMNS.tiktokId), sellerSku: column(COLUMNS.sellerSku), variantId: column(COLUMNS.variantId), shopifySku: column(COLUMNS.shopifySku) };
  if ((at.tiktokId < 0 && at.sellerSku < 0) || (at.variantId < 0 && at.shopifySku < 0)) {
    throw badRequest("The first row must be a header with a tiktok_sku_id or seller_sku column and a shopify_variant_id or shopify_sku column.");
  }
  const rows: ImportRow[] = [];
  records.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === "")) return;
    const cell = (i: number) => (i < 0 ? "" : unguardCell((record[i] ?? "").trim()));
    const tiktokId = cell(at.tiktokId);
    const sellerSku = cell(at.sellerSku);
    const variantId = cell(at.variantId).replace(/^gid:\/\/shopify\/ProductVariant\//, "");
    const shopifySku = cell(at.shopifySku);
    rows.push({
      row: index + 2,
      tiktok: tiktokId ? { by: "id", value: tiktokId } : sellerSku ? { by: "sellerSku", value: sellerSku } : null,
      shopify: variantId ? { by: "id", value: variantId } : shopifySku ? { by: "sku", value: shopifySku } : null,
    });
  });
  if (rows.length === 0) throw badRequest("The CSV has no rows to import below its header.");
  if (rows.length > MAX_IMPORT_ROWS) throw badRequest(`The CSV has ${rows.length.toLocaleString("en-US")} rows; import at most 20,000 at a time.`);
  return rows;
}
