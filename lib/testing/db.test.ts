import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDatabaseUrl, testDb } from "./db";

// Needs lib/testing/global-setup.ts registered as a vitest globalSetup (see README.md).

describe("testDb", () => {
  beforeEach(resetDatabase);

  it("connects Prisma to this worker's own test database", async () => {
    expect(testDatabaseUrl).toMatch(/^postgresql:\/\/.+@127\.0\.0\.1:\d+\//);
    const org = await testDb.organization.create({ data: { slug: "acme", name: "Acme" } });
    expect(await testDb.organization.findUnique({ where: { id: org.id } })).toMatchObject({ slug: "acme" });
  });

  it("resetDatabase empties every table, cascading through relations", async () => {
    const user = await testDb.user.create({ data: { email: "a@example.com" } });
    await testDb.organization.create({
      data: { slug: "acme", name: "Acme", memberships: { create: { userId: user.id, role: "OWNER" } } },
    });
    expect(await testDb.membership.count()).toBe(1);
    await resetDatabase();
    expect(await Promise.all([testDb.user.count(), testDb.organization.count(), testDb.membership.count()])).toEqual([0, 0, 0]);
    const migrations = await testDb.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from _prisma_migrations`);
    expect(migrations[0]!.n).toBeGreaterThan(0);
  });
});
