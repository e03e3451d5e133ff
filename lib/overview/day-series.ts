import { dayOf } from "../time/zoned-day";

export type DayCount = { day: string; count: number };

/** The `count` calendar days ending today in the time zone, oldest first (YYYY-MM-DD). */
export function recentDays({ now, timeZone, count }: { now: Date; timeZone: string; count: number }): string[] {
  const today = dayOf({ instant: now, timeZone });
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d - (count - 1 - i))).toISOString().slice(0, 10));
}

/** One entry per day, zero where the query found nothing. */
export function fillDays(days: string[], found: DayCount[]): DayCount[] {
  const byDay = new Map(found.map((row) => [row.day, row.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}
