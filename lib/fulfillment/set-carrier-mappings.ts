import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { AppError, badRequest } from "../errors";
import { log } from "../log";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { carrierKey } from "./carrier-names";
import { getCarrierSettings, type CarrierSettings } from "./get-carrier-settings";
import { loadFulfillmentShop, requireConnectedShop } from "./load-fulfillment-shop";
import { FALLBACK_KEY } from "./resolve-carrier";
import { defaultShippingProviders, type FulfillmentShop } from "./tiktok/fulfillment-api";

export const MAX_CARRIER_MAPPINGS = 200;

const providerId = z.string().trim().regex(/^\d{1,30}$/, "a TikTok shipping provider id");

export const setCarrierMappingsSchema = z
  .object({
    mappings: z
      .array(z.object({ company: z.string().trim().min(1, "name the Shopify carrier").max(100), providerId }).strict())
      .max(MAX_CARRIER_MAPPINGS),
    fallbackProviderId: providerId.nullable(),
  })
  .strict();
export type SetCarrierMappingsInput = z.infer<typeof setCarrierMappingsSchema>;

/**
 * Replaces the shop's carrier mapping table and fallback. Every provider must be one TikTok offers the
 * shop; two rows for the same carrier (by normalized name) are refused. All or nothing.
 */
export async function setCarrierMappings({ org, tiktokConnectionId, input }: { org: OrgContext; tiktokConnectionId: string; input: SetCarrierMappingsInput }): Promise<CarrierSettings> {
  const { organizationId } = org;
  const loaded = await loadFulfillmentShop({ organizationId, tiktokConnectionId });
  const seen = new Map<string, string>();
  for (const [index, row] of input.mappings.entries()) {
    const key = carrierKey(row.company);
    if (!key) throw badRequest(`mappings.${index}.company: "${row.company}" has no letters or digits to match a carrier by.`);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw badRequest(`mappings.${index}.company: "${row.company}" is the same carrier as "${earlier}"; keep one row.`);
    seen.set(key, row.company);
  }
  const providers = await readProviders(requireConnectedShop(loaded), loaded.connection.name);
  const named = (id: string, field: string) => {
    const provider = providers.find((p) => p.id === id);
    if (!provider) throw badRequest(`${field}: ${id} is not a shipping provider TikTok offers ${loaded.connection.name}.`);
    return provider;
  };
  const rows = input.mappings.map((row, index) => {
    const provider = named(row.providerId, `mappings.${index}.providerId`);
    return { companyKey: carrierKey(row.company), companyName: row.company, providerId: provider.id, providerName: provider.name };
  });
  if (input.fallbackProviderId !== null) {
    const provider = named(input.fallbackProviderId, "fallbackProviderId");
    rows.push({ companyKey: FALLBACK_KEY, companyName: "", providerId: provider.id, providerName: provider.name });
  }
  await db().$transaction(async (tx) => {
    await tx.carrierMapping.deleteMany({ where: { organizationId, tiktokConnectionId: loaded.connection.id } });
    await tx.carrierMapping.createMany({ data: rows.map((r) => ({ ...r, organizationId, tiktokConnectionId: loaded.connection.id, updatedById: org.userId })) });
    const fallback = input.fallbackProviderId ? `, fallback ${rows.at(-1)!.providerName}` : ", no fallback";
    await recordAudit({ tx, organizationId, actorUserId: org.userId, action: "settings.updated", target: { type: "connection", id: loaded.connection.id }, summary: `Set the carriers of ${loaded.connection.name}: ${input.mappings.length} mapped${fallback}.` });
  });
  return getCarrierSettings({ organizationId, tiktokConnectionId });
}

/** TikTok's providers to check the table against; TikTok being unreachable is a message to try again, not a 500. */
async function readProviders(shop: FulfillmentShop, shopName: string) {
  try {
    return await defaultShippingProviders(shop);
  } catch (error) {
    if (!isTikTokApiError(error)) throw error;
    log.warn("shipping providers unavailable", { connectionId: shop.connectionId, kind: error.kind, code: error.code });
    if (error.rateLimited) throw new AppError("RATE_LIMITED", "TikTok is busy: save the carriers again in a minute.");
    if (error.needsReauthorization) throw new AppError("CONFLICT", `${shopName} needs to be re-authorized on TikTok: reconnect it under Connections, then save the carriers again.`);
    throw new AppError("CONFLICT", `TikTok's shipping providers for ${shopName} could not be read, so nothing was saved. Try again in a minute.`);
  }
}
