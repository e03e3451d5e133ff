import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordActivity } from "../activity/record-activity";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { resetDatabase, testDb } from "../testing/db";
import { getOverview, OVERVIEW_DAYS } from "./get-overview";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function entry(organizationId: string, level: "INFO" | "WARNING" | "ERROR", iso: string, subjectId?: string) {
  const { id } = await recordActivity({ organizationId, type: "orders.import_failed", level, message: `${level} at ${iso}`, subjectType: subjectId ? "order" : undefined, subjectId });
  await testDb.activityEntry.update({ where: { id }, data: { createdAt: new Date(iso) } });
}

describe("getOverview", () => {
  it("counts failures per day in the organization's time zone and lists the latest problems, this tenant only", async () => {
    const s = await pairedStores(testDb);
    await testDb.organization.update({ where: { id: s.organizationId }, data: { timeZone: "America/New_York" } });
    await entry(s.organizationId, "ERROR", "2026-12-02T04:30:00Z", "o-1"); // Dec 1 in New York
    await entry(s.organizationId, "ERROR", "2026-12-02T05:30:00Z", "o-2"); // Dec 2
    await entry(s.organizationId, "ERROR", "2026-12-02T06:00:00Z");
    await entry(s.organizationId, "WARNING", "2026-12-02T06:30:00Z");
    await entry(s.organizationId, "INFO", "2026-12-02T07:00:00Z");
    await entry(s.organizationId, "ERROR", "2026-11-01T12:00:00Z"); // outside the chart
    const other = await pairedStores(testDb);
    await entry(other.organizationId, "ERROR", "2026-12-02T06:00:00Z");

    const overview = await getOverview({ organizationId: s.organizationId, now: new Date("2026-12-02T12:00:00Z") });

    expect(overview.failuresByDay).toHaveLength(OVERVIEW_DAYS);
    expect(overview.failuresByDay.at(-1)).toEqual({ day: "2026-12-02", count: 2 });
    expect(overview.failuresByDay.at(-2)).toEqual({ day: "2026-12-01", count: 1 });
    expect(overview.failuresByDay.reduce((n, d) => n + d.count, 0)).toBe(3);
    expect(overview.latestProblems.map((p) => p.message)).toEqual([
      "WARNING at 2026-12-02T06:30:00Z",
      "ERROR at 2026-12-02T06:00:00Z",
      "ERROR at 2026-12-02T05:30:00Z",
      "ERROR at 2026-12-02T04:30:00Z",
      "ERROR at 2026-11-01T12:00:00Z",
    ]);
    expect(overview.latestProblems[2]).toMatchObject({ subjectType: "order", subjectId: "o-2" });
  });
});
