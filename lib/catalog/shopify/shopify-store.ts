import { db } from "../../db";
import { AppError, conflict } from "../../errors";

/** The Shopify connection an import or webhook works on. A store that is not connected gets no work. */
export async function getShopifyStore(connectionId: string) {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, organizationId: true, platform: true, externalId: true, credentialId: true, status: true },
  });
  if (!connection || connection.platform !== "SHOPIFY") throw new AppError("NOT_FOUND", `No Shopify connection ${connectionId}`);
  if (connection.status !== "ACTIVE") {
    throw conflict(`The Shopify store is ${connection.status.toLowerCase().replace("_", " ")}; its catalog cannot be read. Reconnect it under Connections.`);
  }
  return { connectionId: connection.id, organizationId: connection.organizationId, shop: connection.externalId, credentialId: connection.credentialId };
}
