import { db } from "../db";
import { refreshShopifyNow } from "./shopify-session";
import { refreshTikTokNow } from "./tiktok-session";

const DAY = 86_400_000;
/** A refresh token this close to its end is refreshed; if it is still this close after that, the members are warned. */
export const AUTHORIZATION_HORIZON_MS = 7 * DAY;

/** Credentials whose access token (TikTok) or refresh token (both) runs out soon, on active stores. */
export async function listCredentialsToRefresh({ now = Date.now() }: { now?: number }): Promise<string[]> {
  const rows = await db().credential.findMany({
    where: {
      refreshFailedAt: null,
      connections: { some: { status: "ACTIVE" } },
      OR: [
        { platform: "TIKTOK", accessTokenExpiresAt: { lt: new Date(now + DAY) } },
        { refreshTokenExpiresAt: { lt: new Date(now + AUTHORIZATION_HORIZON_MS) } },
      ],
    },
    select: { id: true },
    orderBy: { accessTokenExpiresAt: "asc" },
    take: 500,
  });
  return rows.map((row) => row.id);
}

/**
 * Refreshes one credential now, under its row lock, through the same path every API call uses.
 * A refusal marks the stores for re-authorization; it is reported, not thrown, so the job goes on.
 */
export async function refreshCredential({ credentialId }: { credentialId: string }): Promise<{ credentialId: string; ok: boolean; error?: string }> {
  const credential = await db().credential.findUniqueOrThrow({ where: { id: credentialId }, select: { platform: true, subject: true } });
  try {
    if (credential.platform === "TIKTOK") await refreshTikTokNow(credentialId);
    else await refreshShopifyNow({ credentialId, shop: credential.subject });
    return { credentialId, ok: true };
  } catch (error) {
    return { credentialId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
