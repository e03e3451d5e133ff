import { db } from "../../db";
import { conflict, notFound } from "../../errors";

/** What a catalog call needs to know about one connected TikTok shop. */
export interface TikTokShopAccess {
  organizationId: string;
  connectionId: string;
  credentialId: string;
  shopCipher: string;
  currency: string;
}

export async function loadTikTokShopAccess(connectionId: string): Promise<TikTokShopAccess> {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, organizationId: true, platform: true, credentialId: true, shopCipher: true, currency: true, status: true },
  });
  if (!connection || connection.platform !== "TIKTOK") throw notFound(`No TikTok shop connection ${connectionId}.`);
  if (connection.status !== "ACTIVE") throw conflict(`The TikTok shop connection is ${connection.status.toLowerCase().replace("_", " ")}; its catalog cannot be read.`);
  if (!connection.shopCipher) throw conflict("The TikTok shop connection has no shop cipher; reconnect the shop.");
  return {
    organizationId: connection.organizationId,
    connectionId: connection.id,
    credentialId: connection.credentialId,
    shopCipher: connection.shopCipher,
    currency: connection.currency ?? "",
  };
}
