import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const root = path.resolve(__dirname, "../..");

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), path.join(root, "scripts/db/cli.ts"), "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`Migrating the e2e database failed (exit ${code}).`))));
  });
}

/**
 * A fresh, migrated database for one browser-test run: a new database on the PostgreSQL server
 * named by DATABASE_URL, or an embedded PGlite server in the run's data directory.
 */
export async function startTestDatabase(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: 0 });
    await migrate(embedded.url);
    return embedded;
  }
  const name = `ferry_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async close() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
