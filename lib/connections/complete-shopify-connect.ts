import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { ShopifyAdminClient } from "../platforms/shopify/client";
import { isShopifyApiError } from "../platforms/shopify/errors";
import { ShopifyCallbackError } from "../platforms/shopify/oauth";
import { announceConnected } from "./announce-connected";
import { saveCredential } from "./credential-store";
import { consumeOAuthState } from "./oauth-state";
import { shopifyConfig } from "./platform-config";
import { shopifyOAuth } from "./shopify-session";

export interface CompleteShopifyConnectOptions {
  query: URLSearchParams;
  userId: string;
}

/**
 * Shopify redirected back. Order matters: the HMAC is checked before anything else is read (a forged
 * callback changes nothing, not even our state), then the single-use state bound to this member and
 * shop is claimed, then a store of another organization is refused, then the code is exchanged for
 * expiring tokens. Each refusal stores nothing.
 */
export async function completeShopifyConnect({ query, userId }: CompleteShopifyConnectOptions) {
  const oauth = shopifyOAuth();
  let verified;
  try {
    verified = oauth.verifyCallback({ query });
  } catch (error) {
    if (error instanceof ShopifyCallbackError) throw new AppError("BAD_REQUEST", `Shopify's answer could not be verified (${error.reason}). Start the connection again.`);
    throw error;
  }
  const state = await consumeOAuthState({ nonce: verified.state, userId, platform: "SHOPIFY" });
  const fail = (message: string) => Object.assign(new AppError("BAD_REQUEST", message), { organizationSlug: state.organizationSlug });
  if (state.shop !== verified.shop) throw fail("Shopify answered for a different store than the one you entered. Start the connection again.");

  // Before the code is spent: a store of another organization is refused without touching its install.
  const existing = await db().connection.findUnique({
    where: { platform_externalId: { platform: "SHOPIFY", externalId: verified.shop } },
    select: { id: true, organizationId: true },
  });
  if (existing && existing.organizationId !== state.organizationId) {
    throw fail(`${verified.shop} is already connected to another Ferry organization. Disconnect it there first.`);
  }

  let tokens;
  try {
    tokens = await oauth.exchangeCode({ shop: verified.shop, code: verified.code });
  } catch (error) {
    // invalid_request: the code was already used or has expired; only a new install gives another.
    if (isShopifyApiError(error, "needsReauthorization")) throw fail("Shopify refused the authorization code: it was already used or has expired. Start the connection again.");
    throw error;
  }
  const missing = oauth.missingScopes(tokens.scopes);
  if (missing.length > 0) throw fail(`The installation lacks permissions Ferry needs (${missing.join(", ")}). Approve all requested permissions.`);
  const shop = await new ShopifyAdminClient({ adminBaseUrl: shopifyConfig().adminBaseUrl, shop: verified.shop, accessToken: tokens.accessToken }).getShop();
  const connection = await db().$transaction(async (tx) => {
    const credential = await saveCredential({ tx, organizationId: state.organizationId, platform: "SHOPIFY", subject: verified.shop, tokens });
    const data = {
      name: shop.name,
      currency: shop.currencyCode,
      timeZone: shop.ianaTimezone,
      catalogVariants: shop.variantsCount,
      catalogCountedAt: new Date(),
      credentialId: credential.id,
      status: "ACTIVE" as const,
      statusReason: null,
      disconnectedAt: null,
      reauthorizeBy: null,
      authorizedAt: new Date(),
    };
    // Reconnecting the same store restores its row, and with it mappings and settings.
    return existing
      ? tx.connection.update({ where: { id: existing.id }, data, select: { id: true, name: true } })
      : tx.connection.create({
          data: { ...data, organizationId: state.organizationId, platform: "SHOPIFY", externalId: verified.shop, connectedById: userId },
          select: { id: true, name: true },
        });
  });
  await recordAudit({ organizationId: state.organizationId, actorUserId: userId, action: "connection.connected", target: { type: "connection", id: connection.id }, summary: `${existing ? "Reconnected" : "Connected"} the Shopify store ${verified.shop}.` });
  await recordActivity({
    organizationId: state.organizationId,
    type: "connections.connected",
    level: "SUCCESS",
    message: `${connection.name} (Shopify, ${verified.shop}) ${existing ? "reconnected" : "connected"}.`,
    subjectType: "connection",
    subjectId: connection.id,
  });
  await announceConnected({ organizationId: state.organizationId, connectionIds: [connection.id] });
  return { organizationSlug: state.organizationSlug, connectionId: connection.id };
}
