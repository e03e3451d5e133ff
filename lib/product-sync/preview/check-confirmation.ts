import { z } from "zod";
import { db, type Prisma } from "../../db";
import { badRequest, conflict } from "../../errors";
import type { SectionChange } from "../../settings/define-section";
import type { ProductSyncSettings } from "../../settings/sections/product-sync-settings";
import { settingsHash } from "./settings-hash";

// A preview older than this no longer says what TikTok and Shopify hold.
export const PREVIEW_VALID_MS = 60 * 60_000;

const confirmationSchema = z.object({ previewId: z.string().min(1).max(40) }).passthrough();

/**
 * Auto-sync overwrites TikTok listings, so a save that leaves it on and changes what it writes (switching it
 * on included) needs the member to have seen and confirmed the overwrite preview computed with exactly these
 * settings; a cross-border shop's global products are overwritten only with that confirmed too.
 */
export async function checkOverwriteConfirmation(change: SectionChange<ProductSyncSettings>): Promise<void> {
  const { next, previous } = change;
  if (!next.autoSync) return;
  const hash = settingsHash(next);
  if (previous.autoSync && settingsHash(previous) === hash) return;
  const confirmation = confirmationSchema.safeParse(change.confirmation);
  if (!confirmation.success) throw conflict("Auto-sync overwrites TikTok listings: preview what will be overwritten and confirm it first.");
  await requireConfirmedPreview({ client: change.tx, organizationId: change.organizationId, tiktokConnectionId: change.tiktokConnectionId, previewId: confirmation.data.previewId, purpose: "settings", hash, overwriteGlobalProducts: next.overwriteGlobalProducts });
}

export interface RequireConfirmedPreviewOptions {
  /** A transaction's client when called inside one. */
  client?: Pick<Prisma.TransactionClient, "productSyncPreview">;
  organizationId: string;
  tiktokConnectionId: string | null;
  previewId: string;
  purpose: "settings" | "mapping";
  hash: string;
  overwriteGlobalProducts: boolean;
}

/** The preview the member confirmed: this tenant's, for this scope and settings, finished and recent. */
export async function requireConfirmedPreview(options: RequireConfirmedPreviewOptions) {
  const preview = await (options.client ?? db()).productSyncPreview.findFirst({
    where: { id: options.previewId, organizationId: options.organizationId, tiktokConnectionId: options.tiktokConnectionId, purpose: options.purpose },
    select: { id: true, status: true, settingsHash: true, createdAt: true, globalProducts: true, rows: true },
  });
  if (!preview) throw badRequest("That overwrite preview does not exist for this shop. Preview again.");
  if (preview.status !== "READY") throw conflict("The overwrite preview is not finished yet.");
  if (preview.settingsHash !== options.hash) throw conflict("The settings changed after the preview: preview again with these settings.");
  if (Date.now() - preview.createdAt.getTime() > PREVIEW_VALID_MS) throw conflict("The overwrite preview is more than an hour old: preview again.");
  if (preview.globalProducts > 0 && !options.overwriteGlobalProducts) {
    throw conflict("Cross-border products are affected: confirm that editing a global product overwrites every market's local edits.");
  }
  return preview;
}
