// Shopify tracking companies are free text ("UPS", "United Parcel Service", "Royal Mail") and TikTok's
// shipping providers are a per-market list with ids. A name matches when its normalized form, or the
// carrier it is a known alias of, is the same on both sides. Pure; table-tested in carrier-names.test.ts.

/** Lowercase letters and digits only: "DHL eCommerce" → "dhlecommerce", "Fed-Ex " → "fedex". */
export function normalizeCarrierName(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

// Normalized alias → the carrier's normalized canonical name. Shopify's own company list spells some
// carriers out; TikTok lists them by their short names.
const ALIASES: Record<string, string> = {
  unitedstatespostalservice: "usps",
  uspostalservice: "usps",
  unitedparcelservice: "ups",
  federalexpress: "fedex",
  fedexground: "fedex",
  fedexexpress: "fedex",
  dhlecommerceasia: "dhlecommerce",
  dhlglobalmail: "dhlecommerce",
  dhlparcel: "dhl",
  dhlexpress: "dhlexpress",
  hermes: "evri",
  hermesuk: "evri",
  dpduk: "dpd",
  royalmailgroup: "royalmail",
  parcelforce: "parcelforceworldwide",
  japanpost: "japanpost",
  yamatotransport: "yamato",
  kuronekoyamato: "yamato",
  sagawaexpress: "sagawa",
};

/** The key a company name is compared (and stored) by. */
export function carrierKey(name: string): string {
  const normalized = normalizeCarrierName(name);
  return ALIASES[normalized] ?? normalized;
}

export interface NamedProvider {
  id: string;
  name: string;
}

/** The provider whose name is the company's, or null. An exact normalized match wins over an alias match. */
export function matchProviderByName<P extends NamedProvider>(company: string, providers: readonly P[]): P | null {
  const normalized = normalizeCarrierName(company);
  if (!normalized) return null;
  const exact = providers.find((p) => normalizeCarrierName(p.name) === normalized);
  if (exact) return exact;
  const key = carrierKey(company);
  return providers.find((p) => carrierKey(p.name) === key) ?? null;
}
