import { z } from "zod";
import { inngest } from "@/inngest/client";
import { productSyncRequested } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { badRequest, conflict } from "../errors";
import { isEmptyPlan } from "../product-sync/diff";
import { decimalOrThrow, formatAmount } from "../product-sync/money";
import type { FieldChange } from "../product-sync/listing";
import { planProductSync } from "../product-sync/plan-product-sync";
import { pushProductSync } from "../product-sync/push-product-sync";
import { recordSyncState } from "../product-sync/record-sync-state";
import { failureMessage, isFinal, recordSyncFailure, siblingProducts } from "../product-sync/sync-product";
import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import { hasContentOverride } from "./load-overrides";
import { loadEditor, type EditorContext } from "./load-editor";
import { mergeOverrides } from "./merge-overrides";
import { overrideInputSchema, type ListingOverrides, type OverrideInput } from "./override-input";
import { assertValidOverrides, writeOverrides } from "./save-overrides";

export const pushEditSchema = z
  .object({
    overrides: overrideInputSchema.default({}),
    /** Cross-border: "global" edits the global product (every market), "local" this market's product only. */
    target: z.enum(["global", "local"]).optional(),
    /** A global edit overwrites every market's local edits: the member confirms it. */
    confirmGlobalOverwrite: z.boolean().default(false),
    /** true: only the preview of what would be written; nothing is saved. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type PushEditInput = z.infer<typeof pushEditSchema>;

export interface EditPreview {
  changes: FieldChange[];
  problems: string[];
  crossBorder: boolean;
  target: "global" | "local" | null;
}

export const GLOBAL_OVERWRITE_WARNING = "Editing the global product overwrites every market's local edits, local prices included.";

/**
 * Only what the member set is written, and for a field they cleared ("Use Shopify's value") Shopify's value now;
 * every other field is left to product sync.
 */
function onlyOverrides(settings: ProductSyncSettings, input: OverrideInput, allowGlobal: boolean): ProductSyncSettings {
  return {
    ...settings,
    fields: {
      title: input.title === null,
      description: input.description === null,
      images: input.images === null,
      price: (input.prices ?? []).some((p) => p.amount === null),
      inventory: (input.allocation ?? []).some((a) => a.allocatePercent === null),
    },
    overwriteGlobalProducts: allowGlobal,
  };
}

/** Prices as TikTok shows them (27.5 → 27.50), so the preview and the saved override read like TikTok's. */
function normalizePrices(input: OverrideInput, currency: string): OverrideInput {
  if (!input.prices) return input;
  return { ...input, prices: input.prices.map((p) => ({ ...p, amount: p.amount === null ? null : formatAmount(decimalOrThrow(p.amount.trim()), currency) })) };
}

function prepare(editor: EditorContext, input: PushEditInput): { overrides: ListingOverrides; target: "global" | "local" | null } {
  const crossBorder = editor.target.tiktok.crossBorder;
  const target = crossBorder ? (input.target ?? (editor.saved.scope === "local" ? "local" : "global")) : null;
  const overrides = mergeOverrides(editor.saved, { ...input.overrides, ...(target ? { scope: target === "local" ? "local" : "listing" } : {}) });
  return { overrides, target };
}

/** "Preview" and "Save and push" on the product page (and, per product, in bulk edit). */
export async function pushProductEdit({ org, tiktokProductId, input: given }: { org: OrgContext; tiktokProductId: string; input: PushEditInput }) {
  let input = given;
  const editor = await loadEditor({ organizationId: org.organizationId, tiktokProductId });
  assertValidOverrides(input.overrides, editor.limits);
  input = { ...given, overrides: normalizePrices(input.overrides, editor.limits.currency) };
  if (editor.target.pairs.length === 0) throw conflict("Map the product first: only mapped products can be edited here.");
  const { overrides, target } = prepare(editor, input);
  const cleared = input.overrides.title === null || input.overrides.description === null || input.overrides.images === null;
  const globalContent = target === "global" && (hasContentOverride(overrides) || cleared);
  const planned = await planProductSync({ target: editor.target, settings: onlyOverrides(editor.settings, input.overrides, globalContent), overrides });
  const preview: EditPreview = {
    changes: planned.changes,
    problems: planned.problems.map((p) => (p.sellerSku ? `${p.sellerSku}: ${p.message}` : p.message)),
    crossBorder: editor.target.tiktok.crossBorder,
    target,
  };
  if (input.dryRun) return { preview, pushed: null };
  if (globalContent && planned.global && !isEmptyPlan(planned.global.plan) && !input.confirmGlobalOverwrite) {
    throw badRequest(`${GLOBAL_OVERWRITE_WARNING} Confirm the global edit, or choose this market's product only.`);
  }

  await db().$transaction((tx) => writeOverrides({ tx, organizationId: org.organizationId, tiktokProductId, userId: org.userId, input: { ...input.overrides, ...(target ? { scope: overrides.scope } : {}) }, merged: overrides }));
  const state = { organizationId: org.organizationId, tiktokConnectionId: editor.target.tiktok.connectionId, tiktokProductId };
  const hasWrites = !isEmptyPlan(planned.local.plan) || (!!planned.global && !isEmptyPlan(planned.global.plan));
  if (!hasWrites) return { preview, pushed: { status: "UNCHANGED" as const, writes: [] } };
  await recordSyncState({ ...state, status: "QUEUED" });
  try {
    const pushed = await pushProductSync({ target: editor.target, planned, allowGlobal: globalContent });
    const problems = [...preview.problems, ...pushed.problems.map((p) => p.message)];
    const status = pushed.skuErrors.length > 0 || problems.length > 0 ? "PARTIAL" : "SYNCED";
    const lastError = [...problems, ...pushed.skuErrors.map((e) => `${e.sellerSku ?? e.tiktokSkuId} ${e.field}: ${e.message}`)].slice(0, 5).join(" ") || null;
    await recordSyncState({ ...state, status, synced: true, lastError, skuErrors: pushed.skuErrors, reviewStatus: pushed.reviewStatus ?? undefined });
    const fields = [...new Set(pushed.writes.flatMap((w) => (w.endpoint === "price" ? ["price"] : w.endpoint === "inventory" ? ["stock"] : w.fields.map((f) => (f === "main_images" ? "images" : f)))))];
    const where = pushed.writes.some((w) => w.endpoint === "globalContent") ? " (global product: every market)" : "";
    const review = pushed.reviewStatus === "AUDITING" ? " The content edit is under TikTok's review; the live listing stays until it passes." : "";
    await recordActivity({
      organizationId: org.organizationId,
      type: "product_edit.pushed",
      level: status === "SYNCED" ? "SUCCESS" : "WARNING",
      message: `${editor.target.product.title} (${editor.target.tiktok.name}): ${fields.join(", ") || "nothing"} pushed from the product editor${where}.${review}`,
      subjectType: "tiktokProduct",
      subjectId: tiktokProductId,
      data: { writes: pushed.writes, skuErrors: pushed.skuErrors.length, userId: org.userId },
    });
    const siblings = pushed.globalEdited ? await siblingProducts({ organizationId: org.organizationId, tiktokProductId, externalIds: pushed.globalEdited.localProductIds }) : [];
    // A global edit reset every market's local prices: their listings are synced again, as after a sync.
    if (siblings.length > 0) {
      await inngest.send(siblings.map((id) => productSyncRequested.create({ organizationId: org.organizationId, tiktokConnectionId: editor.target.tiktok.connectionId, tiktokProductId: id, reason: "global-edit" })));
    }
    return { preview, pushed: { status, writes: pushed.writes, siblings } };
  } catch (error) {
    // The overrides are saved either way; the next sync (or another push) writes them.
    const message = failureMessage(error);
    await recordSyncFailure({ ...state, title: editor.target.product.title, message });
    throw conflict(isFinal(error) ? `TikTok did not take the edit: ${message}` : `The edit is saved but TikTok did not answer (${message}): push again, or let the next sync write it.`);
  }
}
