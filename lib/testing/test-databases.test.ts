import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabasesFromEnv, type TestDatabases } from "./test-databases";

// The harness itself: each worker id gets its own migrated database, isolated from the others.
// (PostgreSQL when DATABASE_URL is set, PGlite otherwise.)

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

describe("test databases", () => {
  // A private run id keeps these databases apart from the ones the globalSetup hands out.
  let databases: TestDatabases | undefined;
  afterAll(async () => {
    await databases?.close();
  });

  it("gives each worker its own migrated database and the same one on every request", async () => {
    databases = testDatabasesFromEnv({ ...process.env }, `harness_${process.pid}`);
    const [a, b] = await Promise.all([databases.forWorker("a"), databases.forWorker("b")]);
    expect(a).not.toBe(b);
    expect(await databases.forWorker("a")).toBe(a);

    const insertOrg = `insert into "Organization" (id, slug, name, "updatedAt") values ('org_1', 'acme', 'Acme', now())`;
    await withClient(a, (client) => client.query(insertOrg));
    const countIn = (url: string) =>
      withClient(url, async (client) => (await client.query(`select count(*)::int as n from "Organization"`)).rows[0].n);
    expect(await countIn(a)).toBe(1);
    expect(await countIn(b)).toBe(0);
    const applied = await withClient(b, async (client) => (await client.query(`select count(*)::int as n from _prisma_migrations where finished_at is not null`)).rows[0].n);
    expect(applied).toBeGreaterThan(0);
  }, 120_000);

  it.runIf(process.env.DATABASE_URL)("drops the per-worker and template databases at teardown", async () => {
    const url = await databases!.forWorker("a");
    const name = new URL(url).pathname.slice(1);
    await databases!.close();
    databases = undefined;
    const remaining = await withClient(process.env.DATABASE_URL!, async (client) =>
      (await client.query(`select datname from pg_database where datname = $1 or datname = 'ferry_test_template'`, [name])).rows,
    );
    expect(remaining).toEqual([]);
  });
});
