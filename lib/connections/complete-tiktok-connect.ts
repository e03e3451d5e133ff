import { z } from "zod";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { AppError } from "../errors";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import type { AuthorizedShop } from "./authorized-shops";
import { announceConnected } from "./announce-connected";
import { saveCredential } from "./credential-store";
import { consumeOAuthState } from "./oauth-state";
import { tiktokClient, tiktokOAuth } from "./tiktok-session";

export const tiktokCallbackSchema = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

export interface CompleteTikTokConnectOptions {
  query: Record<string, string>;
  userId: string;
}

/**
 * TikTok redirected back: claim our state, exchange the code, read the shops the authorization
 * covers and keep them for the merchant to choose from. Shops already connected are re-attached
 * to the new authorization (this is how "Re-authorize" works). A used or expired code, or a seller
 * whose every shop is another organization's, is refused and nothing is kept.
 */
export async function completeTikTokConnect({ query, userId }: CompleteTikTokConnectOptions) {
  const params = tiktokCallbackSchema.parse(query);
  const state = await consumeOAuthState({ nonce: params.state, userId, platform: "TIKTOK" });
  const fail = (message: string) => Object.assign(new AppError("BAD_REQUEST", message), { organizationSlug: state.organizationSlug });
  if (params.error) throw fail(params.error === "auth_denied" ? "Authorization was cancelled on TikTok Shop. Nothing was connected." : "TikTok Shop refused the authorization.");
  if (!params.code) throw fail("TikTok Shop sent no authorization code. Try connecting again.");

  let tokens;
  try {
    tokens = await tiktokOAuth().exchangeCode(params.code);
  } catch (error) {
    // TikTok's codes work once and live 30 minutes.
    if (isTikTokApiError(error) && error.kind === "needsReauthorization") throw fail("TikTok Shop refused the authorization code: it was already used or has expired. Connect TikTok Shop again.");
    throw error;
  }
  const shops = await tiktokClient().getAuthorizedShops(tokens.accessToken);
  // A shop belongs to one organization. When every shop of the seller is already another one's,
  // there is nothing to choose from: keep nothing of this authorization.
  const elsewhere = await db().connection.count({
    where: { platform: "TIKTOK", externalId: { in: shops.map((shop) => shop.id) }, organizationId: { not: state.organizationId } },
  });
  if (shops.length > 0 && elsewhere === shops.length) {
    throw Object.assign(
      new AppError("CONFLICT", `${shops.length === 1 ? `${shops[0]!.name} is` : "Every shop of this TikTok Shop seller is"} already connected to another Ferry organization. Disconnect it there first.`),
      { organizationSlug: state.organizationSlug },
    );
  }
  const authorizedShops: AuthorizedShop[] = shops.map((shop) => ({
    id: shop.id,
    name: shop.name,
    region: shop.region,
    sellerType: shop.seller_type,
    cipher: shop.cipher,
    code: shop.code,
  }));
  const credential = await saveCredential({
    organizationId: state.organizationId,
    platform: "TIKTOK",
    subject: tokens.openId || `seller:${tokens.sellerName}`,
    sellerName: tokens.sellerName || null,
    sellerRegion: tokens.sellerBaseRegion || null,
    tokens: { ...tokens, scopes: tokens.grantedScopes },
    authorizedShops,
  });
  const reattached = await reattachConnectedShops({ organizationId: state.organizationId, credentialId: credential.id, shops: authorizedShops });
  await recordActivity({
    organizationId: state.organizationId,
    type: "connections.authorized",
    level: "SUCCESS",
    message: `TikTok Shop authorized${tokens.sellerName ? ` for ${tokens.sellerName}` : ""}: ${authorizedShops.length} shop${authorizedShops.length === 1 ? "" : "s"} available.`,
    subjectType: "credential",
    subjectId: credential.id,
  });
  return { organizationSlug: state.organizationSlug, authorizationId: credential.id, reattached };
}

async function reattachConnectedShops({ organizationId, credentialId, shops }: { organizationId: string; credentialId: string; shops: AuthorizedShop[] }) {
  const ids: string[] = [];
  for (const shop of shops) {
    const existing = await db().connection.findFirst({
      where: { organizationId, platform: "TIKTOK", externalId: shop.id, status: { in: ["ACTIVE", "NEEDS_REAUTH", "UNINSTALLED"] } },
      select: { id: true },
    });
    if (!existing) continue;
    await db().connection.update({
      where: { id: existing.id },
      data: { credentialId, shopCipher: shop.cipher, status: "ACTIVE", statusReason: null, disconnectedAt: null, reauthorizeBy: null, authorizedAt: new Date() },
    });
    ids.push(existing.id);
  }
  // Their webhooks are subscribed again under the new authorization.
  await announceConnected({ organizationId, connectionIds: ids });
  return ids.length;
}
