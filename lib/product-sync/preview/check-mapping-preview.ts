import { z } from "zod";
import { conflict } from "../../errors";
import { getShopSettings } from "../../settings/get-shop-settings";
import { requireConfirmedPreview } from "./check-confirmation";
import { settingsHash } from "./settings-hash";

/**
 * "Map" with auto-sync on overwrites the newly mapped TikTok listings: it needs a confirmed preview of exactly
 * these rows. Auto-sync off: nothing to confirm.
 */
export async function checkMappingPreview({ organizationId, tiktokConnectionId, rows, overwritePreviewId, overwriteGlobalProducts }: {
  organizationId: string;
  tiktokConnectionId: string;
  rows: unknown[];
  overwritePreviewId?: string;
  overwriteGlobalProducts?: boolean;
}): Promise<void> {
  const { productSync } = await getShopSettings({ organizationId, tiktokConnectionId });
  if (!productSync.autoSync) return;
  if (!overwritePreviewId) throw conflict("Auto-sync is on for this shop, so mapping overwrites TikTok listings: preview what will be overwritten and confirm it first.");
  const preview = await requireConfirmedPreview({ organizationId, tiktokConnectionId, previewId: overwritePreviewId, purpose: "mapping", hash: settingsHash(productSync), overwriteGlobalProducts: overwriteGlobalProducts === true || productSync.overwriteGlobalProducts });
  const previewed = new Set(z.array(z.object({ tiktokSkuId: z.string() })).parse(preview.rows).map((r) => r.tiktokSkuId));
  const requested = z.array(z.object({ tiktokSkuId: z.string() }).passthrough()).safeParse(rows);
  if (!requested.success || requested.data.some((r) => !previewed.has(r.tiktokSkuId))) throw conflict("The rows changed after the overwrite preview: preview again.");
}
