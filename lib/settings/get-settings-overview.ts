import { db } from "../db";
import { mergeSettings, readStoredSections } from "./read-settings";
import { settingsSections, type SectionKey } from "./registry";

/**
 * What the Settings page shows: the organization's defaults, and for each connected TikTok shop its
 * effective settings and which sections it sets itself.
 */
export async function getSettingsOverview({ organizationId }: { organizationId: string }) {
  const [organization, shops] = await Promise.all([
    db().organizationSettings.findUnique({ where: { organizationId }, select: { settings: true } }),
    db().connection.findMany({
      where: { organizationId, platform: "TIKTOK", status: { in: ["ACTIVE", "NEEDS_REAUTH"] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        region: true,
        sellerType: true,
        currency: true,
        pairedShopify: { select: { id: true, name: true, currency: true } },
        shopSettings: { select: { settings: true } },
      },
    }),
  ]);
  const defaults = readStoredSections(organization?.settings);
  return {
    sections: settingsSections.map((section) => ({ key: section.key, title: section.title, shopOnly: section.shopOnly ?? false })),
    organization: mergeSettings({ organization: defaults, shop: {} }),
    shops: shops.map((shop) => {
      const own = readStoredSections(shop.shopSettings?.settings);
      return {
        tiktokConnectionId: shop.id,
        name: shop.name,
        region: shop.region,
        sellerType: shop.sellerType,
        currency: shop.currency,
        shopify: shop.pairedShopify,
        ownSections: Object.keys(own) as SectionKey[],
        settings: mergeSettings({ organization: defaults, shop: own }),
      };
    }),
  };
}

export type SettingsOverview = Awaited<ReturnType<typeof getSettingsOverview>>;
