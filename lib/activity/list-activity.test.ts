import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { resetDatabase, testDb } from "../testing/db";
import { listActivity, listActivityQuerySchema } from "./list-activity";
import { recordActivity } from "./record-activity";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function seed() {
  const s = await pairedStores(testDb);
  await testDb.organization.update({ where: { id: s.organizationId }, data: { timeZone: "America/New_York" } });
  const at = (iso: string) => new Date(iso);
  const entries = [
    { type: "catalog.imported", level: "SUCCESS", subjectType: "connection", subjectId: s.tiktokConnectionId, createdAt: at("2026-12-01T04:59:00Z") }, // Nov 30 in New York
    { type: "mapping.batch_applied", level: "WARNING", subjectType: "mappingBatch", subjectId: "b1", connectionId: s.tiktokConnectionId, createdAt: at("2026-12-01T05:00:00Z") }, // Dec 1
    { type: "connections.connected", level: "SUCCESS", subjectType: "connection", subjectId: s.shopifyConnectionId, createdAt: at("2026-12-02T04:59:59Z") }, // Dec 1
    { type: "mapping.batch_failed", level: "ERROR", createdAt: at("2026-12-02T05:00:00Z") }, // Dec 2
  ] as const;
  for (const { createdAt, ...e } of entries) {
    const { id } = await recordActivity({ organizationId: s.organizationId, message: e.type, ...e });
    await testDb.activityEntry.update({ where: { id }, data: { createdAt } });
  }
  const other = await pairedStores(testDb);
  await recordActivity({ organizationId: other.organizationId, type: "mapping.batch_applied", message: "theirs", subjectType: "connection", subjectId: other.tiktokConnectionId });
  return { s, other };
}

const types = async (organizationId: string, input: Record<string, string>) =>
  (await listActivity({ organizationId, query: listActivityQuerySchema.parse(input) })).entries.map((e) => e.type);

describe("listActivity filters", () => {
  it("filters by domain, store, result and days in the organization's time zone, newest first", async () => {
    const { s, other } = await seed();
    const cases: { query: Record<string, string>; expected: string[] }[] = [
      { query: {}, expected: ["mapping.batch_failed", "connections.connected", "mapping.batch_applied", "catalog.imported"] },
      { query: { domain: "mapping" }, expected: ["mapping.batch_failed", "mapping.batch_applied"] },
      { query: { connectionId: s.tiktokConnectionId }, expected: ["mapping.batch_applied", "catalog.imported"] },
      { query: { level: "SUCCESS" }, expected: ["connections.connected", "catalog.imported"] },
      { query: { from: "2026-12-01", to: "2026-12-01" }, expected: ["connections.connected", "mapping.batch_applied"] },
      { query: { from: "2026-12-02" }, expected: ["mapping.batch_failed"] },
      { query: { to: "2026-11-30" }, expected: ["catalog.imported"] },
      { query: { domain: "mapping", from: "2026-12-01", to: "2026-12-01", connectionId: s.tiktokConnectionId }, expected: ["mapping.batch_applied"] },
      // Another organization's store id filters to nothing, and never shows their entries.
      { query: { connectionId: other.tiktokConnectionId }, expected: [] },
    ];
    for (const { query, expected } of cases) expect(await types(s.organizationId, query), JSON.stringify(query)).toEqual(expected);
  });

  it.each([
    { name: "an unknown domain", query: { domain: "billing" } },
    { name: "a malformed day", query: { from: "12/01/2026" } },
    { name: "an impossible day", query: { from: "2026-13-45" } },
    { name: "a range that ends before it starts", query: { from: "2026-12-02", to: "2026-12-01" } },
    { name: "an unknown result", query: { level: "MEH" } },
  ])("refuses $name", ({ query }) => {
    expect(listActivityQuerySchema.safeParse(query).success).toBe(false);
  });
});
