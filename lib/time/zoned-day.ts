// Days in an organization's time zone ("today", date filters, charts), without a date library.

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in the time zone; DST days are 23 or 25 hours. */
export function startOfDay({ day, timeZone }: { day: string; timeZone: string }): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  // The offset at the guess can differ from the offset at the answer across a DST change: check twice.
  let instant = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  instant = midnightUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the time zone. */
export function dayOf({ instant, timeZone }: { instant: Date; timeZone: string }): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The day after a calendar day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
