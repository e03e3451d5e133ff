import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, inject } from "vitest";
import { PrismaClient } from "../generated/prisma/client.ts";

// Integration-test access to this worker's own migrated database (PostgreSQL when DATABASE_URL is
// set, PGlite otherwise). Importing this module is what creates it; call resetDatabase() in
// beforeEach to start every test from empty tables.

async function requestDatabase(): Promise<{ url: string; mode: string }> {
  const coordinator = inject("ferryTestDatabases");
  if (!coordinator) throw new Error("lib/testing/global-setup.ts is not registered as a vitest globalSetup.");
  const worker = process.env.VITEST_POOL_ID ?? "1";
  const response = await fetch(`${coordinator}/?worker=${encodeURIComponent(worker)}`);
  if (!response.ok) throw new Error(`Could not create the test database: ${await response.text()}`);
  return (await response.json()) as { url: string; mode: string };
}

const requested = await requestDatabase();
export const testDatabaseUrl = requested.url;

export const testDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl, max: requested.mode === "postgres" ? 5 : 1 }) });

afterAll(() => testDb.$disconnect());

let tables: string[] | undefined;

/** Empties every table (except Prisma's migration history), resetting identity sequences. */
export async function resetDatabase(): Promise<void> {
  tables ??= (
    await testDb.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    )
  ).map((row) => row.tablename);
  if (tables.length === 0) return;
  const list = tables.map((name) => `"${name.replace(/"/g, '""')}"`).join(", ");
  await testDb.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}
