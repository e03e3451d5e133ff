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

  it("counts today's orders by outcome in the organization's time zone, orders imported per day and the import latency", async () => {
    const s = await pairedStores(testDb);
    await testDb.organization.update({ where: { id: s.organizationId }, data: { timeZone: "Asia/Tokyo" } });
    let n = 0;
    const order = (state: "WAITING" | "CREATED" | "NEEDS_ATTENTION" | "TRACKING_SENT", seenIso: string, latencySeconds?: number) =>
      testDb.tikTokOrder.create({
        data: {
          organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, tiktokOrderId: `57600${n++}`, tiktokStatus: "AWAITING_SHIPMENT", state,
          createdAt: new Date(seenIso), importedAt: latencySeconds === undefined ? null : new Date(new Date(seenIso).getTime() + latencySeconds * 1000),
        },
      });
    // "Today" in Tokyo (UTC+9) is 2026-12-02 from 2026-12-01T15:00Z.
    await order("CREATED", "2026-12-01T15:30:00Z", 1);
    await order("TRACKING_SENT", "2026-12-02T01:00:00Z", 2);
    await order("CREATED", "2026-12-02T02:00:00Z", 3);
    await order("WAITING", "2026-12-02T03:00:00Z");
    await order("NEEDS_ATTENTION", "2026-12-02T04:00:00Z");
    await order("CREATED", "2026-12-01T14:00:00Z", 100); // yesterday in Tokyo
    const other = await pairedStores(testDb);
    await testDb.tikTokOrder.create({ data: { organizationId: other.organizationId, tiktokConnectionId: other.tiktokConnectionId, tiktokOrderId: "999", tiktokStatus: "AWAITING_SHIPMENT", state: "NEEDS_ATTENTION", createdAt: new Date("2026-12-02T01:00:00Z") } });

    const { orders } = await getOverview({ organizationId: s.organizationId, now: new Date("2026-12-02T05:00:00Z") });

    expect(orders.today).toEqual({ imported: 3, waiting: 1, failed: 1 });
    expect(orders.importedByDay.at(-1)).toEqual({ day: "2026-12-02", count: 3 });
    expect(orders.importedByDay.at(-2)).toEqual({ day: "2026-12-01", count: 1 });
    expect(orders.latencySeconds).toMatchObject({ median: 2.5, orders: 4 });
    expect(orders.latencySeconds!.p95).toBeCloseTo(85.45, 2);
  });

  it("has no latency before the first order", async () => {
    const s = await pairedStores(testDb);
    const { orders } = await getOverview({ organizationId: s.organizationId });
    expect(orders).toMatchObject({ today: { imported: 0, waiting: 0, failed: 0 }, latencySeconds: null });
    expect(orders.importedByDay.every((d) => d.count === 0)).toBe(true);
  });
});
