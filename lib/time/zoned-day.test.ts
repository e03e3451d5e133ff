import { describe, expect, it } from "vitest";
import { dayOf, nextDay, startOfDay } from "./zoned-day";

describe("zoned days", () => {
  it.each([
    { day: "2026-12-02", timeZone: "UTC", start: "2026-12-02T00:00:00.000Z" },
    { day: "2026-12-02", timeZone: "America/New_York", start: "2026-12-02T05:00:00.000Z" },
    { day: "2026-07-02", timeZone: "America/New_York", start: "2026-07-02T04:00:00.000Z" },
    { day: "2026-12-02", timeZone: "Asia/Tokyo", start: "2026-12-01T15:00:00.000Z" },
    { day: "2026-12-02", timeZone: "Asia/Kolkata", start: "2026-12-01T18:30:00.000Z" },
    // DST starts in the US on 2026-03-08 at 2:00: that day's midnight is still EST.
    { day: "2026-03-08", timeZone: "America/New_York", start: "2026-03-08T05:00:00.000Z" },
    { day: "2026-03-09", timeZone: "America/New_York", start: "2026-03-09T04:00:00.000Z" },
    // Europe/London leaves BST on 2026-10-25.
    { day: "2026-10-25", timeZone: "Europe/London", start: "2026-10-24T23:00:00.000Z" },
    { day: "2026-10-26", timeZone: "Europe/London", start: "2026-10-26T00:00:00.000Z" },
  ])("$day starts at $start in $timeZone", ({ day, timeZone, start }) => {
    expect(startOfDay({ day, timeZone }).toISOString()).toBe(start);
    expect(dayOf({ instant: new Date(start), timeZone })).toBe(day);
    expect(dayOf({ instant: new Date(Date.parse(start) - 1), timeZone })).not.toBe(day);
  });

  it("counts days across month and year ends", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
