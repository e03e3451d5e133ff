import { db } from "../db";
import { conflict, notFound } from "../errors";
import type { FulfillmentShop } from "./tiktok/fulfillment-api";

/** The organization's TikTok shop, ready for shop-scoped calls; another tenant's id (or a Shopify store) is a 404. */
export async function loadFulfillmentShop({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string }) {
  const connection = await db().connection.findFirst({
    where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" },
    select: { id: true, name: true, region: true, status: true, credentialId: true, shopCipher: true },
  });
  if (!connection) throw notFound("TikTok shop not found.");
  const ready = connection.status === "ACTIVE" && !!connection.shopCipher;
  const shop: FulfillmentShop | null = ready ? { connectionId: connection.id, credentialId: connection.credentialId, shopCipher: connection.shopCipher! } : null;
  return { connection, shop };
}

export function requireConnectedShop(loaded: Awaited<ReturnType<typeof loadFulfillmentShop>>): FulfillmentShop {
  if (!loaded.shop) throw conflict(`${loaded.connection.name} is not connected: reconnect it under Connections first.`);
  return loaded.shop;
}
