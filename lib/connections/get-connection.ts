import { db } from "../db";
import { notFound } from "../errors";

export interface GetConnectionOptions {
  organizationId: string;
  connectionId: string;
}

/** A connection of this organization, or 404: another tenant's id is indistinguishable from none. */
export async function getConnectionOrThrow({ organizationId, connectionId }: GetConnectionOptions) {
  const connection = await db().connection.findFirst({ where: { id: connectionId, organizationId } });
  if (!connection) throw notFound("Connection not found.");
  return connection;
}
