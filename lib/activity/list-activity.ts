import { z } from "zod";
import { db } from "../db";
import { badRequest } from "../errors";
import { nextDay, startOfDay } from "../time/zoned-day";

// Activity types are `domain.what`; the type filter picks a domain.
export const activityDomains = ["catalog", "mapping", "sync", "orders", "fulfillment", "connections", "settings", "privacy", "jobs"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-01.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Not a date.");

export const listActivityQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    level: z.enum(["INFO", "SUCCESS", "WARNING", "ERROR"]).optional(),
    domain: z.enum(activityDomains).optional(),
    connectionId: z.string().min(1).max(40).optional(),
    /** Inclusive days, in the organization's time zone. */
    from: day.optional(),
    to: day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date is after the end date.", path: ["from"] });

export type ListActivityQuery = z.infer<typeof listActivityQuerySchema>;

// Keyset pagination on (createdAt desc, id desc): stable under inserts, O(page) at any depth.
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(Number(time));
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest("The page cursor is not valid.");
  return { createdAt, id };
}

function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return Buffer.from(`${entry.createdAt.getTime()}|${entry.id}`).toString("base64url");
}

export async function listActivity({ organizationId, query }: { organizationId: string; query: ListActivityQuery }) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const { timeZone } = await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
  const rows = await db().activityEntry.findMany({
    where: {
      organizationId,
      level: query.level,
      connectionId: query.connectionId,
      ...(query.domain && { type: { startsWith: `${query.domain}.` } }),
      ...((query.from || query.to) && {
        createdAt: {
          ...(query.from && { gte: startOfDay({ day: query.from, timeZone }) }),
          ...(query.to && { lt: startOfDay({ day: nextDay(query.to), timeZone }) }),
        },
      }),
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, type: true, level: true, message: true, subjectType: true, subjectId: true, connectionId: true, createdAt: true },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
