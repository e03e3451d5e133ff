import { db } from "../db";

export async function isTikTokShop({ organizationId, connectionId }: { organizationId: string; connectionId: string }): Promise<boolean> {
  return (await db().connection.count({ where: { id: connectionId, organizationId, platform: "TIKTOK" } })) === 1;
}
