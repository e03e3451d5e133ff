import { db } from "../../db";
import { AppError } from "../../errors";

/** The Shopify connection an import or webhook works on. */
export async function getShopifyStore(connectionId: string) {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, organizationId: true, platform: true, externalId: true, credentialId: true },
  });
  if (!connection || connection.platform !== "SHOPIFY") throw new AppError("NOT_FOUND", `No Shopify connection ${connectionId}`);
  return { connectionId: connection.id, organizationId: connection.organizationId, shop: connection.externalId, credentialId: connection.credentialId };
}
