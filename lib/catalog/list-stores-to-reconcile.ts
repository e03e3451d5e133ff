import { db } from "../db";

/** Every active store, for the scheduled reconciliation (fleet-wide: each gets its own import job). */
export async function listStoresToReconcile(): Promise<{ id: string; organizationId: string }[]> {
  return db().connection.findMany({ where: { status: "ACTIVE" }, select: { id: true, organizationId: true }, orderBy: { id: "asc" } });
}
