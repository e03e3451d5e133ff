import { db } from "../db";
import { isShopifyApiError } from "../platforms/shopify/errors";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { markUninstalled } from "./mark-uninstalled";
import { withShopifyClient } from "./shopify-session";
import { withTikTokToken } from "./tiktok-session";

export interface StoreCheck {
  connectionId: string;
  name: string;
  ok: boolean;
  problem?: string;
}

function describe(error: unknown): string {
  if (isShopifyApiError(error) || isTikTokApiError(error)) return error.message;
  return error instanceof Error ? error.message : "unknown error";
}

/** A passed check clears the last check's error; it is also the store's last successful call. */
function passed() {
  const now = new Date();
  return { lastCheckedAt: now, lastSuccessfulCallAt: now, statusReason: null };
}

export interface CheckStoreOptions {
  organizationId: string;
  connectionId: string;
}

/**
 * One authenticated call to the store's platform: proves the tokens work and the store is reachable.
 * A failure on a working store is kept as its last error ("Last check failed: …"), shown on the card
 * until a check passes; "Last successful call" keeps the time of the last call that worked.
 * Null when the organization has no such store (gone since the check was queued): nothing is checked.
 */
export async function checkStore({ organizationId, connectionId }: CheckStoreOptions): Promise<StoreCheck | null> {
  const connection = await db().connection.findFirst({
    where: { id: connectionId, organizationId },
    select: { id: true, name: true, platform: true, externalId: true, credentialId: true, status: true },
  });
  if (!connection) return null;
  const where = { id: connectionId, organizationId };
  const result = { connectionId, name: connection.name };
  try {
    if (connection.platform === "SHOPIFY") {
      const shop = await withShopifyClient({ credentialId: connection.credentialId, shop: connection.externalId }, (client) => client.getShop());
      await db().connection.updateMany({ where, data: { ...passed(), name: shop.name, currency: shop.currencyCode, timeZone: shop.ianaTimezone, catalogVariants: shop.variantsCount, catalogCountedAt: new Date() } });
    } else {
      const shops = await withTikTokToken(connection.credentialId, (client, token) => client.getAuthorizedShops(token));
      const shop = shops.find((s) => s.id === connection.externalId);
      if (!shop) {
        await markUninstalled({ connectionId, reason: "The TikTok authorization no longer covers this shop." });
        return { ...result, ok: false, problem: "no longer authorized on TikTok Shop" };
      }
      await db().connection.updateMany({ where, data: { ...passed(), name: shop.name, shopCipher: shop.cipher } });
    }
    return { ...result, ok: connection.status === "ACTIVE", problem: connection.status === "ACTIVE" ? undefined : "needs re-authorization" };
  } catch (error) {
    const problem = describe(error);
    const current = await db().connection.findFirstOrThrow({ where, select: { status: true } });
    if (current.status === "ACTIVE") {
      await db().connection.updateMany({ where, data: { lastCheckedAt: new Date(), statusReason: `Last check failed: ${problem}`.slice(0, 500) } });
    }
    return { ...result, ok: false, problem: current.status === "NEEDS_REAUTH" ? "needs re-authorization" : problem };
  }
}
