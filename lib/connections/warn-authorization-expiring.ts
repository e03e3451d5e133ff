import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { notifyConnection } from "./notify-connection";

export interface WarnAuthorizationExpiringOptions {
  connectionId: string;
  /** When the store's authorization ends. */
  expiresAt: Date;
  /** Who says so: the platform's own warning (TikTok's webhook), or the token's expiry we hold. */
  source: "platform" | "token";
}

const platformName = { SHOPIFY: "Shopify", TIKTOK: "TikTok Shop" } as const;

/**
 * A working store must be re-authorized by `expiresAt`: the card shows the "Re-authorize" banner
 * (`reauthorizeBy`), Activity says why and the members get one notification per deadline. An earlier
 * deadline already shown wins; a warning for a store that is not working changes nothing (it needs
 * re-authorizing anyway). Returns whether anything changed; safe to run twice.
 */
export async function warnAuthorizationExpiring({ connectionId, expiresAt, source }: WarnAuthorizationExpiringOptions): Promise<boolean> {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { name: true, organizationId: true, platform: true, status: true, reauthorizeBy: true },
  });
  if (!connection || connection.status !== "ACTIVE") return false;
  if (connection.reauthorizeBy && connection.reauthorizeBy <= expiresAt) return false;
  const day = expiresAt.toISOString().slice(0, 10);
  // TikTok warns 30 days ahead; our own reading of the token's expiry is the backstop.
  const who = source === "platform" ? `${platformName[connection.platform]} says` : "the stored authorization says";
  // Notified first: the key makes a retry notify once, and the banner below is what marks it done.
  await notifyConnection({
    connectionId,
    event: "authorization_expiring",
    level: "WARNING",
    title: `Re-authorize ${connection.name} by ${day}`,
    body: `${who.charAt(0).toUpperCase()}${who.slice(1)} Ferry's authorization for ${connection.name} ends on ${day}. Choose Re-authorize on Connections to keep orders and listings in sync.`,
    key: day,
  });
  const changed = await db().connection.updateMany({
    where: { id: connectionId, status: "ACTIVE", OR: [{ reauthorizeBy: null }, { reauthorizeBy: { gt: expiresAt } }] },
    data: { reauthorizeBy: expiresAt },
  });
  if (changed.count === 0) return false;
  await recordActivity({
    organizationId: connection.organizationId,
    type: "connections.authorization_expiring",
    level: "WARNING",
    message: `${connection.name}: ${who} the authorization expires on ${day}. Re-authorize it under Connections to keep orders and listings in sync.`,
    subjectType: "connection",
    subjectId: connectionId,
  });
  return true;
}
