import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { isShopifyApiError } from "../platforms/shopify/errors";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { notifyConnection } from "./notify-connection";
import { ReauthorizationRequired } from "./token-lifecycle";

export interface MarkNeedsReauthOptions {
  credentialId: string;
  reason: string;
}

/** A platform refused the store's tokens for good: stop its work and ask a member (Activity and the bell) to re-authorize. */
export async function markNeedsReauth({ credentialId, reason }: MarkNeedsReauthOptions): Promise<void> {
  const credential = await db().credential.update({
    where: { id: credentialId },
    data: { refreshFailedAt: new Date(), refreshError: reason.slice(0, 500) },
    select: { organizationId: true, connections: { where: { status: "ACTIVE" }, select: { id: true, name: true, authorizedAt: true } } },
  });
  if (credential.connections.length === 0) return;
  await db().connection.updateMany({
    where: { id: { in: credential.connections.map((c) => c.id) }, status: "ACTIVE" },
    data: { status: "NEEDS_REAUTH", statusReason: reason.slice(0, 500) },
  });
  for (const connection of credential.connections) {
    await recordActivity({
      organizationId: credential.organizationId,
      type: "connections.needs_reauth",
      level: "ERROR",
      message: `${connection.name} needs to be re-authorized: ${reason.slice(0, 200)} Open Connections and choose Re-authorize.`,
      subjectType: "connection",
      subjectId: connection.id,
    });
    // Once per authorization: a store re-authorized and refused again later notifies again.
    await notifyConnection({
      connectionId: connection.id,
      event: "needs_reauth",
      level: "ERROR",
      title: `${connection.name} needs to be re-authorized`,
      body: `${reason.slice(0, 200)} Its sync has stopped. Choose Re-authorize on Connections.`,
      key: String(connection.authorizedAt.getTime()),
    });
  }
}

/** True when a platform refused the authorization for good (not a passing failure). */
export function isRefusedForGood(error: unknown): boolean {
  return (
    error instanceof ReauthorizationRequired ||
    (isTikTokApiError(error) && error.kind === "needsReauthorization") ||
    (isShopifyApiError(error) && error.kind === "needsReauthorization")
  );
}

/** Runs `work`; if the platform refused the authorization for good, the stores are marked before rethrowing. */
export async function guardAuthorization<T>(credentialId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isRefusedForGood(error)) {
      await markNeedsReauth({ credentialId, reason: error instanceof Error ? error.message : "The platform refused the authorization." });
    }
    throw error;
  }
}
