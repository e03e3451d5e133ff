import { z } from "zod";
import { db } from "../db";
import { badRequest } from "../errors";

export const listAuditQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// Keyset pagination on (createdAt desc, id desc), as Activity does.
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(Number(time));
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest("The page cursor is not valid.");
  return { createdAt, id };
}

/** The organization's audit log, newest first (owners only: the route requires OWNER). */
export async function listAudit({ organizationId, query }: { organizationId: string; query: z.infer<typeof listAuditQuerySchema> }) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db().auditEntry.findMany({
    where: { organizationId, ...(after && { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, actorEmail: true, action: true, targetType: true, targetId: true, summary: true, createdAt: true },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.getTime()}|${last.id}`).toString("base64url") : null,
  };
}

export type AuditList = Awaited<ReturnType<typeof listAudit>>;
