import { db } from "../db";
import { getShopSettings } from "../settings/get-shop-settings";

/** After "Map": the shop whose new mappings auto-sync should push, or null when its auto-sync is off. */
export async function shopToSyncAfterBatch({ organizationId, batchId }: { organizationId: string; batchId: string }): Promise<{ tiktokConnectionId: string } | null> {
  const batch = await db().mappingBatch.findFirst({ where: { id: batchId, organizationId, status: "SUCCEEDED", mappedSkus: { gt: 0 } }, select: { requested: true } });
  const tiktokConnectionId = (batch?.requested as { tiktokConnectionId?: string } | undefined)?.tiktokConnectionId;
  if (!tiktokConnectionId) return null;
  const settings = await getShopSettings({ organizationId, tiktokConnectionId });
  return settings.productSync.autoSync ? { tiktokConnectionId } : null;
}
