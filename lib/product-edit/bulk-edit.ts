import { z } from "zod";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { badRequest, isAppError, notFound } from "../errors";
import { computeTikTokPrice } from "../product-sync/price-rules";
import { loadEditor, type EditorContext } from "./load-editor";
import type { OverrideInput } from "./override-input";
import { pushProductEdit, type EditPreview } from "./push-product-edit";

export const BULK_EDIT_MAX = 50;

export const bulkEditSchema = z
  .object({
    tiktokProductIds: z.array(z.string().regex(/^[a-z0-9]{20,40}$/)).min(1).max(BULK_EDIT_MAX),
    /** Put in front of each title (the override's, or Shopify's), unless the title already starts with it. */
    titlePrefix: z.string().min(1).max(60).optional(),
    /** A price rule exception for these products: this percentage markup instead of the pairing's, as price overrides. */
    percentMarkup: z.string().trim().regex(/^-?\d{1,4}(\.\d{1,4})?$/, "a percentage such as 12.5").refine((v) => Number(v) > -100 && Number(v) <= 1000, "between -99.99 and 1000").optional(),
    /** Cross-border products: the global product (every market, confirmed) or each market's own product. */
    target: z.enum(["global", "local"]).optional(),
    confirmGlobalOverwrite: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.titlePrefix !== undefined || b.percentMarkup !== undefined, "Give a title prefix or a price markup.");
export type BulkEditInput = z.infer<typeof bulkEditSchema>;

export interface BulkEditRow {
  tiktokProductId: string;
  title: string;
  preview: EditPreview | null;
  status: string | null;
  error: string | null;
}

/** Pure per product: the override input a bulk edit means for one listing. */
export function bulkOverrides(editor: EditorContext, input: Pick<BulkEditInput, "titlePrefix" | "percentMarkup">): OverrideInput {
  const out: OverrideInput = {};
  if (input.titlePrefix !== undefined) {
    const base = editor.saved.title ?? (editor.sources.length === 1 ? editor.sources[0]!.title.trim() : editor.target.product.title);
    if (!base.startsWith(input.titlePrefix)) out.title = `${input.titlePrefix}${base}`;
  }
  if (input.percentMarkup !== undefined) {
    const variants = new Map(editor.sources.flatMap((s) => s.variants.map((v) => [v.id.slice(v.id.lastIndexOf("/") + 1), { v, s }])));
    out.prices = editor.target.pairs.flatMap((pair) => {
      const found = variants.get(pair.shopifyVariantId);
      if (!found) return [];
      const price = computeTikTokPrice({
        price: found.v.price,
        compareAtPrice: null,
        shopifyCurrency: found.s.currency,
        tiktokCurrency: editor.limits.currency,
        region: editor.target.tiktok.region,
        rules: { ...editor.settings.price, percentMarkup: input.percentMarkup! },
      });
      return price.ok ? [{ tiktokSkuId: pair.tiktokSkuId, amount: price.price }] : [];
    });
  }
  return out;
}

/**
 * Bulk edit: one override applied to a selection of listings, each previewed (dryRun) or saved and pushed through
 * the product editor's own path. Every id must be the organization's; each product's result is reported on its own.
 */
export async function bulkEditProducts({ org, input }: { org: OrgContext; input: BulkEditInput }): Promise<{ rows: BulkEditRow[] }> {
  const ids = [...new Set(input.tiktokProductIds)];
  const found = await db().tikTokProduct.findMany({ where: { organizationId: org.organizationId, id: { in: ids } }, select: { id: true, title: true } });
  if (found.length !== ids.length) throw notFound("Product not found.");
  const titles = new Map(found.map((p) => [p.id, p.title]));
  const rows: BulkEditRow[] = [];
  for (const tiktokProductId of ids) {
    const row: BulkEditRow = { tiktokProductId, title: titles.get(tiktokProductId)!, preview: null, status: null, error: null };
    try {
      const editor = await loadEditor({ organizationId: org.organizationId, tiktokProductId });
      const overrides = bulkOverrides(editor, input);
      const result = await pushProductEdit({ org, tiktokProductId, input: { overrides, target: input.target, confirmGlobalOverwrite: input.confirmGlobalOverwrite, dryRun: input.dryRun } });
      row.preview = result.preview;
      row.status = result.pushed?.status ?? null;
    } catch (error) {
      if (!isAppError(error)) throw error;
      row.error = error.message;
    }
    rows.push(row);
  }
  if (input.dryRun && rows.every((r) => r.error !== null)) throw badRequest(`None of the products can take this edit: ${rows[0]!.error}`);
  return { rows };
}
