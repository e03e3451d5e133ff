import { db } from "../db";
import { log } from "../log";

// An import makes thousands of calls: the time is written at most once a minute per store, by one
// conditional UPDATE (no read first). This process also remembers what it wrote, so most calls skip
// the query; that memory is only a shortcut: another instance simply runs the conditional UPDATE.
export const SUCCESSFUL_CALL_RESOLUTION_MS = 60_000;
const recentlyWritten = new Map<string, number>();
const MEMORY_LIMIT = 10_000;

export interface RecordSuccessfulCallOptions {
  credentialId: string;
  /** The store the call was for; or, for Shopify (one store per credential), its shop domain. */
  store: { connectionId: string } | { shop: string };
  now?: Date;
}

/**
 * Notes that a platform call for the store succeeded: "Last successful call" on Connections. The call
 * itself already succeeded, so a failure to note it is logged and never fails the caller.
 */
export async function recordSuccessfulCall({ credentialId, store, now = new Date() }: RecordSuccessfulCallOptions): Promise<void> {
  const key = `${credentialId}:${"connectionId" in store ? store.connectionId : store.shop}`;
  const written = recentlyWritten.get(key);
  if (written !== undefined && now.getTime() - written >= 0 && now.getTime() - written < SUCCESSFUL_CALL_RESOLUTION_MS) return;
  try {
    await db().connection.updateMany({
      where: {
        credentialId,
        ...("connectionId" in store ? { id: store.connectionId } : { platform: "SHOPIFY", externalId: store.shop }),
        OR: [{ lastSuccessfulCallAt: null }, { lastSuccessfulCallAt: { lt: new Date(now.getTime() - SUCCESSFUL_CALL_RESOLUTION_MS) } }],
      },
      data: { lastSuccessfulCallAt: now },
    });
    if (recentlyWritten.size >= MEMORY_LIMIT) recentlyWritten.clear();
    recentlyWritten.set(key, now.getTime());
  } catch (error) {
    log.warn("could not note a successful platform call", { credentialId, error });
  }
}
