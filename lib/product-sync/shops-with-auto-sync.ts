import { db } from "../db";
import { mergeSettings, readStoredSections } from "../settings/read-settings";

/** Every active TikTok shop whose effective settings have auto-sync on (its own or the organization's). */
export async function shopsWithAutoSync(): Promise<{ organizationId: string; tiktokConnectionId: string }[]> {
  const shops = await db().connection.findMany({
    where: { platform: "TIKTOK", status: "ACTIVE", pairedShopifyId: { not: null } },
    select: { id: true, organizationId: true, shopSettings: { select: { settings: true } }, organization: { select: { settings: { select: { settings: true } } } } },
    orderBy: { id: "asc" },
  });
  return shops
    .filter((s) => mergeSettings({ organization: readStoredSections(s.organization.settings?.settings), shop: readStoredSections(s.shopSettings?.settings) }).productSync.autoSync)
    .map((s) => ({ organizationId: s.organizationId, tiktokConnectionId: s.id }));
}

/** The organization's TikTok shops with auto-sync on: "Map" there goes through the overwrite preview. */
export async function autoSyncShopIds({ organizationId }: { organizationId: string }): Promise<string[]> {
  const shops = await db().connection.findMany({
    where: { organizationId, platform: "TIKTOK" },
    select: { id: true, shopSettings: { select: { settings: true } }, organization: { select: { settings: { select: { settings: true } } } } },
  });
  return shops
    .filter((s) => mergeSettings({ organization: readStoredSections(s.organization.settings?.settings), shop: readStoredSections(s.shopSettings?.settings) }).productSync.autoSync)
    .map((s) => s.id);
}
