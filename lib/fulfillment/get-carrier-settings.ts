import { db } from "../db";
import { log } from "../log";
import { loadFulfillmentShop } from "./load-fulfillment-shop";
import { FALLBACK_KEY } from "./resolve-carrier";
import { defaultShippingProviders } from "./tiktok/fulfillment-api";
import type { TikTokShippingProvider } from "./tiktok/endpoints";

export interface CarrierSettings {
  shop: { id: string; name: string; region: string | null };
  /** TikTok's shipping providers for the shop's default delivery option; empty with `providersError` when they could not be read. */
  providers: TikTokShippingProvider[];
  providersError: string | null;
  mappings: { company: string; providerId: string; providerName: string }[];
  fallback: { providerId: string; providerName: string } | null;
}

/** The "Carriers" settings of one TikTok shop: its mapping table, its fallback and TikTok's providers to choose from. */
export async function getCarrierSettings({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string }): Promise<CarrierSettings> {
  const { connection, shop } = await loadFulfillmentShop({ organizationId, tiktokConnectionId });
  const rows = await db().carrierMapping.findMany({
    where: { organizationId, tiktokConnectionId: connection.id },
    orderBy: { companyName: "asc" },
    select: { companyKey: true, companyName: true, providerId: true, providerName: true },
  });
  let providers: TikTokShippingProvider[] = [];
  let providersError: string | null = null;
  if (!shop) providersError = `${connection.name} is not connected: reconnect it to choose TikTok shipping providers.`;
  else {
    try {
      providers = await defaultShippingProviders(shop);
    } catch (error) {
      log.warn("shipping providers unavailable", { organizationId, tiktokConnectionId, error: error instanceof Error ? error.message : String(error) });
      providersError = "TikTok's shipping providers could not be read just now. Try again in a minute.";
    }
  }
  const fallback = rows.find((r) => r.companyKey === FALLBACK_KEY);
  return {
    shop: { id: connection.id, name: connection.name, region: connection.region },
    providers,
    providersError,
    mappings: rows.filter((r) => r.companyKey !== FALLBACK_KEY).map((r) => ({ company: r.companyName, providerId: r.providerId, providerName: r.providerName })),
    fallback: fallback ? { providerId: fallback.providerId, providerName: fallback.providerName } : null,
  };
}
