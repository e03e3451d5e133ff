import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";

const at = (iso: string) => Date.parse(iso);
const next = (expr: string, from: string) => new Date(parseCron(expr).next(at(from))).toISOString();

describe("cron schedules", () => {
  it.each([
    ["* * * * *", "2026-01-01T10:00:30Z", "2026-01-01T10:01:00.000Z"],
    ["*/15 * * * *", "2026-01-01T10:01:00Z", "2026-01-01T10:15:00.000Z"],
    ["0 3 * * *", "2026-01-01T10:00:00Z", "2026-01-02T03:00:00.000Z"],
    ["30 9-17/4 * * *", "2026-01-01T10:00:00Z", "2026-01-01T13:30:00.000Z"],
    ["0 0 1,15 * *", "2026-01-02T00:00:00Z", "2026-01-15T00:00:00.000Z"],
    ["0 12 * * 1", "2026-01-01T00:00:00Z", "2026-01-05T12:00:00.000Z"], // Jan 1 2026 is a Thursday
    ["0 0 29 2 *", "2026-01-01T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    ["TZ=Europe/Paris 0 9 * * *", "2026-01-01T00:00:00Z", "2026-01-01T08:00:00.000Z"],
    ["TZ=Europe/Paris 0 9 * * *", "2026-07-01T00:00:00Z", "2026-07-01T07:00:00.000Z"],
  ])("%s after %s is %s", (expr, from, expected) => {
    expect(next(expr, from)).toBe(expected);
  });

  it.each([["* * * *", /5 fields/], ["61 * * * *", /out of range/], ["a * * * *", /invalid cron minute/], ["TZ=Mars/Base * * * * *", /unknown time zone/]])(
    "rejects %s", (expr, message) => {
      expect(() => parseCron(expr)).toThrow(message);
    },
  );
});
