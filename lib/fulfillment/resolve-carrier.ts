import { db } from "../db";
import { carrierKey, matchProviderByName } from "./carrier-names";
import type { TikTokShippingProvider } from "./tiktok/endpoints";

export type ResolvedCarrier =
  | { ok: true; providerId: string; providerName: string; source: "MAPPING" | "NAME" | "FALLBACK" }
  | { ok: false; reason: string };

/** The key of the pairing's fallback row in CarrierMapping. */
export const FALLBACK_KEY = "";

/**
 * The TikTok shipping provider a Shopify tracking company ships as: the pairing's mapping for the
 * company, else the provider of the same name in TikTok's list for the order's delivery option, else
 * the pairing's fallback. A mapped or fallback provider TikTok no longer lists for the order is not used.
 */
export async function resolveCarrier({ organizationId, tiktokConnectionId, company, providers }: {
  organizationId: string;
  tiktokConnectionId: string;
  company: string;
  providers: readonly TikTokShippingProvider[];
}): Promise<ResolvedCarrier> {
  const key = carrierKey(company);
  const rows = await db().carrierMapping.findMany({
    where: { organizationId, tiktokConnectionId, companyKey: { in: key ? [key, FALLBACK_KEY] : [FALLBACK_KEY] } },
    select: { companyKey: true, providerId: true, providerName: true },
  });
  const listed = (id: string) => providers.find((p) => p.id === id);
  const mapped = key ? rows.find((r) => r.companyKey === key) : undefined;
  if (mapped) {
    const provider = listed(mapped.providerId);
    if (provider) return { ok: true, providerId: provider.id, providerName: provider.name, source: "MAPPING" };
  }
  const byName = matchProviderByName(company, providers);
  if (byName) return { ok: true, providerId: byName.id, providerName: byName.name, source: "NAME" };
  const fallback = rows.find((r) => r.companyKey === FALLBACK_KEY);
  const fallbackProvider = fallback ? listed(fallback.providerId) : undefined;
  if (fallbackProvider) return { ok: true, providerId: fallbackProvider.id, providerName: fallbackProvider.name, source: "FALLBACK" };
  const what = company.trim() ? `the carrier "${company.trim()}"` : "a fulfillment without a carrier";
  const stale = mapped || fallback ? " (the mapped provider is no longer offered for this order)" : "";
  return { ok: false, reason: `No TikTok shipping provider for ${what}${stale}. Map it under Settings → Carriers, or set a fallback provider, then Retry.` };
}
