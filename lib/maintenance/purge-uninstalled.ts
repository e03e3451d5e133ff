import { db } from "../db";

export const UNINSTALLED_RETENTION_DAYS = 30;

/**
 * Data of stores whose app was removed is kept for a while (a reinstall restores mappings), then
 * erased: the connection, and its tokens once no connection uses them.
 */
export async function purgeUninstalledConnections({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - UNINSTALLED_RETENTION_DAYS * 86_400_000);
  const stale = await db().connection.findMany({ where: { status: "UNINSTALLED", disconnectedAt: { lt: cutoff } }, select: { id: true, credentialId: true } });
  if (stale.length === 0) return 0;
  const ids = stale.map((c) => c.id);
  await db().$transaction([
    db().connection.updateMany({ where: { pairedShopifyId: { in: ids } }, data: { pairedShopifyId: null } }),
    db().connection.deleteMany({ where: { id: { in: ids } } }),
    db().credential.deleteMany({ where: { id: { in: stale.map((c) => c.credentialId) }, connections: { none: {} } } }),
  ]);
  return stale.length;
}
