import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startDatabaseTripwire, type DatabaseTripwire } from "./database-tripwire";

// `next build` runs against this address (scripts/lib/build-if-needed.ts): any connection is counted,
// so a build that opens the database fails instead of quietly reading a live one.
let tripwire: DatabaseTripwire | undefined;
afterEach(async () => {
  await tripwire?.close();
  tripwire = undefined;
});

describe("startDatabaseTripwire", () => {
  it("counts every connection attempt and serves none", async () => {
    tripwire = await startDatabaseTripwire();
    expect(tripwire.url).toMatch(/^postgresql:\/\/ferry-build@127\.0\.0\.1:\d+\//);
    expect(tripwire.connections()).toBe(0);
    for (let i = 1; i <= 2; i++) {
      const client = new pg.Client({ connectionString: tripwire.url, connectionTimeoutMillis: 5_000 });
      await expect(client.connect()).rejects.toThrow();
      expect(tripwire.connections()).toBe(i);
    }
  });

  it("fails a Prisma query at once rather than hanging the build", async () => {
    tripwire = await startDatabaseTripwire();
    const { createPrismaClient } = await import("../../lib/db");
    const client = createPrismaClient(tripwire.url, 1);
    const started = Date.now();
    await expect(client.user.count()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(tripwire.connections()).toBeGreaterThan(0);
    await client.$disconnect();
  });
});
