import { db } from "../db";
import { startOfDay } from "../time/zoned-day";
import { type DayCount, fillDays } from "./day-series";

/** Failed automatic actions (Activity entries at ERROR) per day in the organization's time zone. */
export async function countFailuresByDay({ organizationId, timeZone, days }: { organizationId: string; timeZone: string; days: string[] }): Promise<DayCount[]> {
  const from = startOfDay({ day: days[0]!, timeZone });
  const rows = await db().$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "ActivityEntry"
    WHERE "organizationId" = ${organizationId} AND level = 'ERROR' AND "createdAt" >= ${from}
    GROUP BY 1`;
  return fillDays(days, rows);
}
