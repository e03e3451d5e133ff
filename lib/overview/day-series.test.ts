import { describe, expect, it } from "vitest";
import { fillDays, recentDays } from "./day-series";

describe("recentDays", () => {
  it.each([
    ["UTC", "2026-12-02T05:00:00Z", ["2026-11-30", "2026-12-01", "2026-12-02"]],
    ["America/New_York (still Dec 1 there)", "2026-12-02T04:59:00Z", ["2026-11-29", "2026-11-30", "2026-12-01"]],
    ["Asia/Tokyo across a month end", "2026-11-30T15:00:00Z", ["2026-11-29", "2026-11-30", "2026-12-01"]],
  ])("%s", (label, now, expected) => {
    const timeZone = label.split(" ")[0]!;
    expect(recentDays({ now: new Date(now), timeZone, count: 3 })).toEqual(expected);
  });
});

describe("fillDays", () => {
  it("keeps the days in order and fills the gaps with zero", () => {
    expect(fillDays(["2026-11-30", "2026-12-01", "2026-12-02"], [{ day: "2026-12-02", count: 4 }, { day: "2026-11-30", count: 1 }])).toEqual([
      { day: "2026-11-30", count: 1 },
      { day: "2026-12-01", count: 0 },
      { day: "2026-12-02", count: 4 },
    ]);
  });
});
