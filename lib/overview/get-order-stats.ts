import { db } from "../db";
import { startOfDay } from "../time/zoned-day";
import { type DayCount, fillDays } from "./day-series";

/** States in which the order exists in Shopify. */
const IMPORTED = ["CREATED", "HELD", "FULFILLED", "TRACKING_SENT", "CANCELLED"] as const;

export type OrderStats = {
  /** TikTok orders first seen today (organization's time zone), by what became of them. */
  today: { imported: number; waiting: number; failed: number };
  /** Orders created in Shopify per day. */
  importedByDay: DayCount[];
  /** From the moment Ferry first saw the order to the Shopify order, over the chart's days; null without orders. */
  latencySeconds: { median: number; p95: number; orders: number } | null;
};

/** The order figures of the Overview; `days` are calendar days in `timeZone`, oldest first, ending today. */
export async function getOrderStats({ organizationId, timeZone, days }: { organizationId: string; timeZone: string; days: string[] }): Promise<OrderStats> {
  const todayStart = startOfDay({ day: days.at(-1)!, timeZone });
  const from = startOfDay({ day: days[0]!, timeZone });
  const [today, byDay, [latency]] = await Promise.all([
    db().tikTokOrder.groupBy({ by: ["state"], where: { organizationId, createdAt: { gte: todayStart } }, _count: { _all: true } }),
    db().$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(("importedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "TikTokOrder"
      WHERE "organizationId" = ${organizationId} AND "importedAt" >= ${from}
      GROUP BY 1`,
    db().$queryRaw<{ median: number | null; p95: number | null; orders: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY seconds) AS p95,
             count(*)::int AS orders
      FROM (
        SELECT EXTRACT(EPOCH FROM ("importedAt" - "createdAt"))::float8 AS seconds
        FROM "TikTokOrder"
        WHERE "organizationId" = ${organizationId} AND "importedAt" >= ${from}
      ) imported`,
  ]);
  const count = (states: readonly string[]) => today.filter((row) => states.includes(row.state)).reduce((n, row) => n + row._count._all, 0);
  return {
    today: { imported: count(IMPORTED), waiting: count(["WAITING"]), failed: count(["NEEDS_ATTENTION"]) },
    importedByDay: fillDays(days, byDay),
    latencySeconds: latency && latency.orders > 0 && latency.median !== null && latency.p95 !== null ? { median: latency.median, p95: latency.p95, orders: latency.orders } : null,
  };
}
