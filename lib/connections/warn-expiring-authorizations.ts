import { db } from "../db";
import { AUTHORIZATION_HORIZON_MS } from "./refresh-credential";
import { warnAuthorizationExpiring } from "./warn-authorization-expiring";

/**
 * After the hourly refresh: working stores whose authorization still ends within the horizon (a
 * refresh does not extend TikTok's, and a Shopify refresh that keeps failing leaves it running out)
 * get the "Re-authorize" banner and one notification per deadline. Returns how many were warned.
 */
export async function warnExpiringAuthorizations({ now = Date.now() }: { now?: number } = {}): Promise<number> {
  const connections = await db().connection.findMany({
    where: {
      status: "ACTIVE",
      credential: { refreshFailedAt: null, refreshTokenExpiresAt: { gt: new Date(now), lt: new Date(now + AUTHORIZATION_HORIZON_MS) } },
    },
    select: { id: true, credential: { select: { refreshTokenExpiresAt: true } } },
    orderBy: { id: "asc" },
    take: 1000,
  });
  let warned = 0;
  for (const connection of connections) {
    if (await warnAuthorizationExpiring({ connectionId: connection.id, expiresAt: connection.credential.refreshTokenExpiresAt!, source: "token" })) warned += 1;
  }
  return warned;
}
