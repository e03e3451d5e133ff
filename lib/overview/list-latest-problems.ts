import { db } from "../db";

export type Problem = { id: string; type: string; level: "WARNING" | "ERROR"; message: string; subjectType: string | null; subjectId: string | null; createdAt: string };

/** The newest warnings and failures, each with the subject the Overview links to. */
export async function listLatestProblems({ organizationId, limit = 5 }: { organizationId: string; limit?: number }): Promise<Problem[]> {
  const rows = await db().activityEntry.findMany({
    where: { organizationId, level: { in: ["WARNING", "ERROR"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, level: true, message: true, subjectType: true, subjectId: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, level: row.level as Problem["level"], createdAt: row.createdAt.toISOString() }));
}
