import { db } from "../db";
import { notFound } from "../errors";
import { mergeSettings, readStoredSections } from "./read-settings";
import type { EffectiveSettings } from "./registry";

export interface GetShopSettingsOptions {
  organizationId: string;
  tiktokConnectionId: string;
}

/** The settings that apply to one pairing (a TikTok shop and its Shopify store), for jobs and use cases. */
export async function getShopSettings({ organizationId, tiktokConnectionId }: GetShopSettingsOptions): Promise<EffectiveSettings> {
  const [shop, organization] = await Promise.all([
    db().connection.findFirst({ where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { shopSettings: { select: { settings: true } } } }),
    db().organizationSettings.findUnique({ where: { organizationId }, select: { settings: true } }),
  ]);
  if (!shop) throw notFound("TikTok shop not found.");
  return mergeSettings({ organization: readStoredSections(organization?.settings), shop: readStoredSections(shop.shopSettings?.settings) });
}
